// TaskbarProgress: the properties of the LauncherEntry Update signal, at most a few updates a
// second however often the run reports, hidden at once at the end, and no harm without a bus.
#include "gui/shell/taskbarprogress.h"

#include <QFileInfo>
#include <QTest>

#include <limits>

using namespace Qt::StringLiterals;
using namespace Salvo;

class TestTaskbarProgress final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void properties_data();
    void properties();
    void namesTheDesktopFile();
    void throttlesUpdates();
    void hidesAtOnce();
    void withoutBusDoesNothing();
};

void TestTaskbarProgress::initTestCase()
{
    // A bus nobody listens on: the default constructor must find none, whatever the desktop.
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/salvo-test-bus");
}

void TestTaskbarProgress::properties_data()
{
    QTest::addColumn<double>("fraction");
    QTest::addColumn<bool>("visible");
    QTest::addColumn<double>("progress");
    QTest::newRow("a quarter") << 0.25 << true << 0.25;
    QTest::newRow("done") << 1.0 << true << 1.0;
    QTest::newRow("below zero") << -0.5 << true << 0.0;
    QTest::newRow("above one") << 1.5 << true << 1.0;
    QTest::newRow("not a number") << std::numeric_limits<double>::quiet_NaN() << true << 0.0;
    QTest::newRow("hidden") << 0.5 << false << 0.5;
}

void TestTaskbarProgress::properties()
{
    QFETCH(double, fraction);
    QFETCH(bool, visible);
    QFETCH(double, progress);
    const QVariantMap properties = TaskbarProgress::properties(fraction, visible);
    QCOMPARE(properties.size(), 2);
    QCOMPARE(properties.value(u"progress"_s).metaType(), QMetaType::fromType<double>());
    QCOMPARE(properties.value(u"progress"_s).toDouble(), progress);
    QCOMPARE(properties.value(u"progress-visible"_s).metaType(), QMetaType::fromType<bool>());
    QCOMPARE(properties.value(u"progress-visible"_s).toBool(), visible);
}

void TestTaskbarProgress::namesTheDesktopFile()
{
    // Docks match the URI to packaging/io.github.salvo_llm.Salvo.desktop.
    QCOMPARE(TaskbarProgress::appUri(), u"application://io.github.salvo_llm.Salvo.desktop"_s);
    QVERIFY(QFileInfo::exists(QStringLiteral(SALVO_SOURCE_DIR
                                             "/packaging/io.github.salvo_llm.Salvo.desktop")));
    QVERIFY(TaskbarProgress::objectPath().startsWith(u'/'));
}

void TestTaskbarProgress::throttlesUpdates()
{
    QList<QVariantMap> sent;
    TaskbarProgress progress([&sent](const QVariantMap &properties) { sent.append(properties); });
    QVERIFY(progress.isAvailable());
    progress.setProgress(0.1); // the first goes out at once
    QCOMPARE(sent.size(), 1);
    QVERIFY(progress.isVisible());
    for (int i = 2; i <= 50; ++i) // a burst: only the last value is worth sending
        progress.setProgress(i / 100.0);
    QCOMPARE(sent.size(), 1);
    QTRY_COMPARE(sent.size(), 2);
    QCOMPARE(sent.last().value(u"progress"_s).toDouble(), 0.5);
    QCOMPARE(sent.last().value(u"progress-visible"_s).toBool(), true);

    progress.setProgress(0.5); // no change, nothing to send
    progress.setProgress(0.6);
    QTRY_COMPARE(sent.size(), 3);
    QCOMPARE(sent.last().value(u"progress"_s).toDouble(), 0.6);
}

void TestTaskbarProgress::hidesAtOnce()
{
    QList<QVariantMap> sent;
    {
        TaskbarProgress progress(
            [&sent](const QVariantMap &properties) { sent.append(properties); });
        progress.hide(); // never shown: nothing to take back
        QVERIFY(sent.isEmpty());
        progress.setProgress(0.3);
        progress.setProgress(0.4); // waits for the throttle...
        progress.hide();           // ...but the end does not
        QCOMPARE(sent.size(), 2);
        QCOMPARE(sent.last().value(u"progress-visible"_s).toBool(), false);
        QVERIFY(!progress.isVisible());
        progress.setProgress(0.2); // the next run shows again
        QCOMPARE(sent.size(), 3);
        QCOMPARE(sent.last().value(u"progress-visible"_s).toBool(), true);
    }
    // Destroyed while shown (the window closed mid-run): the bar does not stay on the dock.
    QCOMPARE(sent.size(), 4);
    QCOMPARE(sent.last().value(u"progress-visible"_s).toBool(), false);
}

void TestTaskbarProgress::withoutBusDoesNothing()
{
    TaskbarProgress progress;
    QVERIFY(!progress.isAvailable());
    progress.setProgress(0.5);
    QVERIFY(!progress.isVisible());
    progress.hide();
}

QTEST_MAIN(TestTaskbarProgress)
#include "tst_taskbarprogress.moc"
