// RecentFilesMenu: one entry per recent file, newest first; a chosen file that is gone leaves
// the list; Clear List empties and disables it.
#include "gui/preferences.h"
#include "gui/shell/recentfilesmenu.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Salvo;

class TestRecentFilesMenu final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void listsChoosesAndClears();

private:
    QTemporaryDir m_dir;
};

void TestRecentFilesMenu::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"Salvo"_s);
    QCoreApplication::setApplicationName(u"Salvo"_s);
    QSettings().clear();
    QVERIFY(m_dir.isValid());
}

void TestRecentFilesMenu::listsChoosesAndClears()
{
    RecentFilesMenu empty(u"Recent"_s);
    QVERIFY(!empty.isEnabled());

    const QString kept = m_dir.filePath(u"kept.csv"_s);
    const QString gone = m_dir.filePath(u"gone.csv"_s);
    QFile file(kept);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    Preferences::addRecentFile(kept);
    Preferences::addRecentFile(gone); // newest: first in the menu
    RecentFilesMenu menu(u"Recent"_s);
    QVERIFY(menu.isEnabled());
    QSignalSpy chosen(&menu, &RecentFilesMenu::fileChosen);
    QSignalSpy missing(&menu, &RecentFilesMenu::fileMissing);
    QList<QAction *> actions = menu.actions(); // two files, a separator, Clear List
    QCOMPARE(actions.size(), 4);
    QCOMPARE(actions.at(0)->text(), QDir::toNativeSeparators(gone));

    actions.at(1)->trigger();
    QCOMPARE(chosen.size(), 1);
    QCOMPARE(chosen.first().first().toString(), kept);

    actions.at(0)->trigger();
    QCOMPARE(missing.size(), 1);
    QCOMPARE(missing.first().first().toString(), gone);
    QCOMPARE(Preferences::recentFiles(), QStringList({kept}));
    actions = menu.actions();
    QCOMPARE(actions.size(), 3);

    actions.last()->trigger(); // Clear List
    QVERIFY(Preferences::recentFiles().isEmpty());
    QVERIFY(menu.actions().isEmpty());
    QVERIFY(!menu.isEnabled());
}

QTEST_MAIN(TestRecentFilesMenu)
#include "tst_recentfilesmenu.moc"
