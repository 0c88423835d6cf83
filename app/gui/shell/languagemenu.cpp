#include "gui/shell/languagemenu.h"

#include "gui/preferences.h"

#include <QActionGroup>
#include <QMessageBox>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace Salvo {

namespace {

// The notice speaks the language just chosen, which is not yet the one installed, so it is
// looked up in that language's catalogue rather than through tr().
const char *const NoticeContext = "Salvo::LanguageMenu";
const char *const NoticeTitle = QT_TRANSLATE_NOOP("Salvo::LanguageMenu", "Language");
const char *const NoticeText =
    QT_TRANSLATE_NOOP("Salvo::LanguageMenu", "Salvo will use the new language the next time it "
                                             "starts.");

QLocale localeFor(const QString &language)
{
    return language.isEmpty() ? QLocale::system() : QLocale(language);
}

} // namespace

LanguageMenu::LanguageMenu(QWidget *parent) : QMenu(tr("&Language"), parent)
{
    setObjectName(u"languageMenu"_s);
    auto *group = new QActionGroup(this);
    group->setExclusive(true);
    const QString current = Preferences::language();
    // Each language is named in itself, so it can be found while the app speaks another one.
    const QList<std::pair<QString, QString>> choices = {
        {QString(), tr("&System Default")},
        {u"en"_s, u"&English"_s},
        {u"de"_s, u"&Deutsch"_s},
    };
    for (const auto &[language, label] : choices) {
        QAction *action = addAction(label);
        action->setCheckable(true);
        action->setChecked(language == current);
        group->addAction(action);
        connect(action, &QAction::triggered, this, [this, language] { choose(language); });
    }
}

QLocale LanguageMenu::preferredLocale()
{
    return localeFor(Preferences::language());
}

void LanguageMenu::choose(const QString &language)
{
    if (language == Preferences::language())
        return;
    Preferences::setLanguage(language);
    QTranslator translator;
    // A language without a catalogue (English, or an unknown system one) keeps the source text.
    const bool found = translator.load(localeFor(language), u"salvo"_s, u"_"_s, u":/i18n"_s);
    const auto say = [&](const char *text) {
        const QString said = found ? translator.translate(NoticeContext, text) : QString();
        return said.isEmpty() ? QString::fromUtf8(text) : said;
    };
    QMessageBox::information(parentWidget(), say(NoticeTitle), say(NoticeText));
}

} // namespace Salvo
