#include "core/common/translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

#include <memory>

using namespace Qt::StringLiterals;

namespace Salvo {

namespace {

// The application owns a translator that loaded, so it lasts as long as the texts it translates.
bool installFrom(const QLocale &locale, const QString &name, const QString &directory)
{
    auto translator = std::make_unique<QTranslator>();
    if (!translator->load(locale, name, u"_"_s, directory))
        return false;
    translator->setParent(QCoreApplication::instance());
    QCoreApplication::installTranslator(translator.release());
    return true;
}

} // namespace

bool Translations::install(const QLocale &locale, bool withQt)
{
    if (!installFrom(locale, u"salvo"_s, u":/i18n"_s))
        return false;
    // Dialog buttons, QCommandLineParser's --help and the like; only next to our own catalogue,
    // or Qt's German and Salvo's English would mix two languages in one window.
    if (withQt)
        installFrom(locale, u"qtbase"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    return true;
}

} // namespace Salvo
