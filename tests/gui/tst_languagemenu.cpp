// Tests LanguageMenu: one checked choice that mirrors the preference, the locale main() installs,
// and the restart notice in the language just chosen (the German catalogue is linked in).
#include "gui/preferences.h"
#include "gui/shell/languagemenu.h"

#include <QApplication>
#include <QMessageBox>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace Salvo {

class TestLanguageMenu : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void checksTheSavedChoice_data();
    void checksTheSavedChoice();
    void namesTheLocaleToInstall();
    void noticeSpeaksTheChosenLanguage_data();
    void noticeSpeaksTheChosenLanguage();
};

namespace {

QAction *actionFor(const LanguageMenu &menu, const QString &label)
{
    for (QAction *action : menu.actions()) {
        if (action->text().remove(u'&') == label)
            return action;
    }
    return nullptr;
}

} // namespace

void TestLanguageMenu::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    // A settings file of its own: ctest -j runs tst_mainwindow at the same time, and clearing
    // the shared one under it loses that test's run.
    QCoreApplication::setOrganizationName(u"Salvo"_s);
    QCoreApplication::setApplicationName(u"SalvoLanguageMenuTest"_s);
}

void TestLanguageMenu::init()
{
    QSettings().clear();
}

void TestLanguageMenu::checksTheSavedChoice_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("checked");
    QTest::newRow("system") << QString() << u"System Default"_s;
    QTest::newRow("English") << u"en"_s << u"English"_s;
    QTest::newRow("German") << u"de"_s << u"Deutsch"_s;
}

void TestLanguageMenu::checksTheSavedChoice()
{
    QFETCH(QString, language);
    QFETCH(QString, checked);
    Preferences::setLanguage(language);
    const LanguageMenu menu;
    QCOMPARE(menu.actions().size(), 3);
    int checkedCount = 0;
    for (const QAction *action : menu.actions()) {
        QVERIFY(action->isCheckable());
        checkedCount += action->isChecked() ? 1 : 0;
    }
    QCOMPARE(checkedCount, 1);
    QVERIFY(actionFor(menu, checked));
    QVERIFY(actionFor(menu, checked)->isChecked());
}

void TestLanguageMenu::namesTheLocaleToInstall()
{
    QCOMPARE(LanguageMenu::preferredLocale(), QLocale::system());
    Preferences::setLanguage(u"de"_s);
    QCOMPARE(LanguageMenu::preferredLocale().language(), QLocale::German);
    Preferences::setLanguage(u"en"_s);
    QCOMPARE(LanguageMenu::preferredLocale().language(), QLocale::English);
}

void TestLanguageMenu::noticeSpeaksTheChosenLanguage_data()
{
    QTest::addColumn<QString>("choice");
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("notice");
    QTest::newRow("German") << u"Deutsch"_s << u"de"_s
                            << u"Salvo verwendet die neue Sprache beim nächsten Start."_s;
    QTest::newRow("English") << u"English"_s << u"en"_s
                             << u"Salvo will use the new language the next time it starts."_s;
}

void TestLanguageMenu::noticeSpeaksTheChosenLanguage()
{
    QFETCH(QString, choice);
    QFETCH(QString, language);
    QFETCH(QString, notice);
    LanguageMenu menu;
    // The notice is modal: read and close it from inside its event loop.
    QString shown;
    QTimer::singleShot(0, this, [&shown] {
        if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
            shown = box->text();
            box->accept();
        }
    });
    actionFor(menu, choice)->trigger();
    QCOMPARE(shown, notice);
    QCOMPARE(Preferences::language(), language);
    QVERIFY(actionFor(menu, choice)->isChecked());
}

} // namespace Salvo

QTEST_MAIN(Salvo::TestLanguageMenu)
#include "tst_languagemenu.moc"
