// Tests LiveCharts as a real widget: the series after a refresh, the shared time axis, the
// empty state, units for long runs, reset, palette and a screenshot.
#include "gui/charts/livecharts.h"

#include <QAbstractSeries>
#include <QChart>
#include <QLabel>
#include <QLineSeries>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QValueAxis>

#include <cmath>

using namespace Qt::StringLiterals;

namespace Salvo {

class TestLiveCharts : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void showsEmptyAxesAndHintBeforeAnySample();
    void seriesHoldSamplesAfterOneRefresh();
    void allChartsShareOneTimeRange();
    void yAxesLeaveHeadroom();
    void longRunSwitchesToHoursAndStaysBounded();
    void resetEmptiesTheCharts();
    void olderSampleStartsANewRun();
    void followsDarkPalette();
    void grabsToPng();

private:
    static constexpr LiveCharts::Chart AllCharts[] = {
        LiveCharts::Chart::Throughput, LiveCharts::Chart::RateLimits,
        LiveCharts::Chart::InFlight, LiveCharts::Chart::Latency};
};

namespace {

QLineSeries *lineSeries(const LiveCharts &charts, LiveCharts::Chart which, int index)
{
    const QList<QAbstractSeries *> all = charts.chart(which)->series();
    return index < all.size() ? qobject_cast<QLineSeries *>(all[index]) : nullptr;
}

QValueAxis *axis(const LiveCharts &charts, LiveCharts::Chart which, Qt::Orientation orientation)
{
    const QList<QAbstractAxis *> axes = charts.chart(which)->axes(orientation);
    return axes.isEmpty() ? nullptr : qobject_cast<QValueAxis *>(axes.first());
}

// Something like a real run: throughput ramps up, 429s come in bursts when the cap is raised
// too far, the user moves the cap 32 → 96 → 48, and latency grows under load.
EngineMetrics syntheticSample(qint64 timeMs, qint64 runMs = 10000)
{
    const double t = double(timeMs) / 1000;
    const double period = std::max(0.5, double(runMs) / 1000 / 20); // same shapes, any length
    EngineMetrics m;
    m.elapsedMs = timeMs;
    m.cap = t < period * 8 ? 32 : (t < period * 18 ? 96 : 48);
    const double load = std::min(1.0, t / (period * 2));
    m.inFlight = int(std::lround(m.cap * load * (0.85 + 0.1 * std::sin(t / period * 3))));
    const bool overLimit = m.cap == 96;
    m.rateLimitedPerSecond = overLimit ? 3 + 2 * std::sin(t / period * 2) : 0.2 * load;
    m.completedPerSecond = m.inFlight / (overLimit ? 3.5 : 2.2);
    m.latencyP50Ms = qint64(900 + 400 * load + (overLimit ? 600 : 0));
    m.latencyP95Ms = m.latencyP50Ms * 2 + qint64(300 * std::sin(t / period));
    return m;
}

void feedRun(LiveCharts &charts, qint64 durationMs, qint64 fromMs = 0)
{
    for (qint64 t = fromMs + 250; t <= durationMs; t += 250)
        charts.addSample(syntheticSample(t, durationMs));
}

} // namespace

void TestLiveCharts::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestLiveCharts::showsEmptyAxesAndHintBeforeAnySample()
{
    LiveCharts charts;
    charts.resize(900, 600);
    charts.show();
    QVERIFY(QTest::qWaitForWindowExposed(&charts));
    auto *hint = charts.findChild<QLabel *>();
    QVERIFY(hint);
    QVERIFY(hint->isVisible());
    for (const LiveCharts::Chart which : AllCharts) {
        QVERIFY(!charts.chart(which)->title().isEmpty());
        QCOMPARE(charts.chart(which)->animationOptions(), QChart::NoAnimation);
        QCOMPARE(lineSeries(charts, which, 0)->count(), 0);
        QValueAxis *x = axis(charts, which, Qt::Horizontal);
        QValueAxis *y = axis(charts, which, Qt::Vertical);
        QVERIFY(x && y);
        QCOMPARE(x->min(), 0.0);
        QCOMPARE(x->max(), 10.0); // an empty run still shows its first 10 s
        QVERIFY(!x->titleText().isEmpty());
        QCOMPARE(y->min(), 0.0);
        QVERIFY(y->max() > 0);
    }
}

void TestLiveCharts::seriesHoldSamplesAfterOneRefresh()
{
    LiveCharts charts;
    charts.show();
    QVERIFY(QTest::qWaitForWindowExposed(&charts));
    QSignalSpy refreshed(&charts, &LiveCharts::refreshed);
    const int caps[] = {8, 8, 16, 16, 16, 4, 4, 32};
    for (int i = 0; i < 8; ++i) {
        EngineMetrics m;
        m.elapsedMs = 250 * (i + 1);
        m.completedPerSecond = 1.5 * i;
        m.rateLimitedPerSecond = i % 3;
        m.inFlight = i;
        m.cap = caps[i];
        m.latencyP50Ms = 100 + i;
        m.latencyP95Ms = 400 + 2 * i;
        charts.addSample(m);
    }
    // Eight samples, one redraw: they are coalesced, not drawn one by one.
    QVERIFY(refreshed.wait(5000));
    QCOMPARE(refreshed.count(), 1);

    using C = LiveCharts::Chart;
    QLineSeries *completed = lineSeries(charts, C::Throughput, 0);
    QLineSeries *rateLimited = lineSeries(charts, C::RateLimits, 0);
    QLineSeries *inFlight = lineSeries(charts, C::InFlight, 0);
    QLineSeries *cap = lineSeries(charts, C::InFlight, 1);
    QLineSeries *p50 = lineSeries(charts, C::Latency, 0);
    QLineSeries *p95 = lineSeries(charts, C::Latency, 1);
    for (QLineSeries *series : {completed, rateLimited, inFlight, cap, p50, p95}) {
        QVERIFY(series);
        QCOMPARE(series->count(), 8);
    }
    for (int i = 0; i < 8; ++i) {
        const double x = 0.25 * (i + 1); // seconds, the unit of a short run
        QCOMPARE(completed->at(i), QPointF(x, 1.5 * i));
        QCOMPARE(rateLimited->at(i), QPointF(x, i % 3));
        QCOMPARE(inFlight->at(i), QPointF(x, i));
        QCOMPARE(cap->at(i), QPointF(x, caps[i]));
        QCOMPARE(p50->at(i), QPointF(x, 100 + i));
        QCOMPARE(p95->at(i), QPointF(x, 400 + 2 * i));
    }
    QVERIFY(!charts.findChild<QLabel *>()->isVisible());
}

void TestLiveCharts::allChartsShareOneTimeRange()
{
    LiveCharts charts;
    charts.show();
    QVERIFY(QTest::qWaitForWindowExposed(&charts));
    QSignalSpy refreshed(&charts, &LiveCharts::refreshed);
    feedRun(charts, 45000);
    QVERIFY(refreshed.wait(5000));
    QValueAxis *first = axis(charts, LiveCharts::Chart::Throughput, Qt::Horizontal);
    QCOMPARE(first->min(), 0.0);
    QCOMPARE(first->max(), 45.0);
    for (const LiveCharts::Chart which : AllCharts) {
        QValueAxis *x = axis(charts, which, Qt::Horizontal);
        QCOMPARE(x->min(), first->min());
        QCOMPARE(x->max(), first->max());
        QCOMPARE(x->tickInterval(), first->tickInterval());
        QCOMPARE(x->titleText(), first->titleText());
        // Each series is drawn against its own chart's shared-range axis.
        for (QAbstractSeries *series : charts.chart(which)->series())
            QVERIFY(series->attachedAxes().contains(x));
    }
}

void TestLiveCharts::yAxesLeaveHeadroom()
{
    LiveCharts charts;
    charts.show();
    QVERIFY(QTest::qWaitForWindowExposed(&charts));
    QSignalSpy refreshed(&charts, &LiveCharts::refreshed);
    EngineMetrics m;
    m.elapsedMs = 250;
    m.completedPerSecond = 47;
    m.inFlight = 60;
    m.cap = 64;
    m.latencyP50Ms = 1200;
    m.latencyP95Ms = 3100;
    charts.addSample(m); // 429s stay at 0: their axis must not collapse
    QVERIFY(refreshed.wait(5000));
    auto top = [&charts](LiveCharts::Chart which) {
        return axis(charts, which, Qt::Vertical)->max();
    };
    QVERIFY(top(LiveCharts::Chart::Throughput) >= 47 * 1.15);
    QVERIFY(top(LiveCharts::Chart::Throughput) <= 47 * 2);
    QVERIFY(top(LiveCharts::Chart::RateLimits) >= 1);
    QVERIFY(top(LiveCharts::Chart::InFlight) >= 64 * 1.15);
    QVERIFY(top(LiveCharts::Chart::Latency) >= 3100 * 1.15);
    for (const LiveCharts::Chart which : AllCharts) {
        QValueAxis *y = axis(charts, which, Qt::Vertical);
        QCOMPARE(y->min(), 0.0);
        // The top is a whole number of ticks, so the last gridline is the frame's edge.
        const double ticks = y->max() / y->tickInterval();
        QCOMPARE(ticks, std::round(ticks));
    }
}

void TestLiveCharts::longRunSwitchesToHoursAndStaysBounded()
{
    LiveCharts charts;
    charts.show();
    QVERIFY(QTest::qWaitForWindowExposed(&charts));
    QSignalSpy refreshed(&charts, &LiveCharts::refreshed);
    feedRun(charts, 5 * 60 * 1000);
    QVERIFY(refreshed.wait(5000));
    QValueAxis *x = axis(charts, LiveCharts::Chart::Latency, Qt::Horizontal);
    QCOMPARE(x->max(), 5.0); // minutes
    const QString minutesTitle = x->titleText();
    // The oldest samples are folded by now: the first point is the mean time of 250, 500, 750 ms.
    QCOMPARE(lineSeries(charts, LiveCharts::Chart::Latency, 1)->at(0).x(), 0.5 / 60);

    feedRun(charts, 3 * 3600 * 1000, 5 * 60 * 1000);
    QVERIFY(refreshed.wait(5000));
    QCOMPARE(x->max(), 3.0); // hours
    QVERIFY(x->titleText() != minutesTitle);
    const int bound = MetricsHistory::DefaultFullResolution + MetricsHistory::DefaultMaxBuckets;
    for (const LiveCharts::Chart which : AllCharts) {
        for (QAbstractSeries *series : charts.chart(which)->series()) {
            auto *line = qobject_cast<QLineSeries *>(series);
            QVERIFY(line->count() > 500);
            QVERIFY(line->count() <= bound);
            QCOMPARE(line->at(line->count() - 1).x(), 3.0);
        }
    }
    QCOMPARE(charts.history().sampleCount(), 3 * 3600 * 4);
}

void TestLiveCharts::resetEmptiesTheCharts()
{
    LiveCharts charts;
    charts.show();
    QVERIFY(QTest::qWaitForWindowExposed(&charts));
    QSignalSpy refreshed(&charts, &LiveCharts::refreshed);
    feedRun(charts, 20000);
    QVERIFY(refreshed.wait(5000));
    QCOMPARE(lineSeries(charts, LiveCharts::Chart::Throughput, 0)->count(), 80);
    charts.reset();
    QVERIFY(refreshed.wait(5000));
    for (const LiveCharts::Chart which : AllCharts) {
        for (QAbstractSeries *series : charts.chart(which)->series())
            QCOMPARE(qobject_cast<QLineSeries *>(series)->count(), 0);
        QCOMPARE(axis(charts, which, Qt::Horizontal)->max(), 10.0);
    }
    QVERIFY(charts.findChild<QLabel *>()->isVisible());
}

void TestLiveCharts::olderSampleStartsANewRun()
{
    LiveCharts charts;
    charts.show();
    QVERIFY(QTest::qWaitForWindowExposed(&charts));
    QSignalSpy refreshed(&charts, &LiveCharts::refreshed);
    feedRun(charts, 5000);
    charts.addSample(syntheticSample(250)); // a new engine's clock starts again
    QVERIFY(refreshed.wait(5000));
    QCOMPARE(lineSeries(charts, LiveCharts::Chart::InFlight, 1)->count(), 1);
    QCOMPARE(charts.history().sampleCount(), 1);
}

void TestLiveCharts::followsDarkPalette()
{
    LiveCharts charts;
    charts.show();
    QVERIFY(QTest::qWaitForWindowExposed(&charts));
    QPalette light = charts.palette();
    light.setColor(QPalette::Window, QColor(0xef, 0xef, 0xef));
    light.setColor(QPalette::Base, Qt::white);
    light.setColor(QPalette::WindowText, Qt::black);
    charts.setPalette(light);
    QCOMPARE(charts.chart(LiveCharts::Chart::Latency)->theme(), QChart::ChartThemeLight);

    QPalette dark = light;
    dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    dark.setColor(QPalette::WindowText, QColor(0xe0, 0xe0, 0xe0));
    charts.setPalette(dark);
    for (const LiveCharts::Chart which : AllCharts) {
        QChart *chart = charts.chart(which);
        QCOMPARE(chart->theme(), QChart::ChartThemeDark);
        QCOMPARE(chart->backgroundBrush().color(), QColor(0x1e, 0x1e, 0x1e));
        QCOMPARE(axis(charts, which, Qt::Horizontal)->labelsBrush().color(),
                 QColor(0xe0, 0xe0, 0xe0));
    }
    // The theme resets series pens; ours must survive it, or the cap would lose its dashes.
    QCOMPARE(lineSeries(charts, LiveCharts::Chart::InFlight, 1)->pen().style(), Qt::DashLine);
}

void TestLiveCharts::grabsToPng()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // SALVO_CHARTS_SCREENSHOTS=<dir> keeps the pictures, to look at the charts by eye.
    const QString outDir = qEnvironmentVariableIsSet("SALVO_CHARTS_SCREENSHOTS")
        ? qEnvironmentVariable("SALVO_CHARTS_SCREENSHOTS")
        : dir.path();
    const struct
    {
        QString name;
        qint64 durationMs;
        bool dark;
    } runs[] = {{u"empty"_s, 0, false},
                {u"short"_s, 10000, false},
                {u"long"_s, 3 * 3600 * 1000, false},
                {u"dark"_s, 5 * 60 * 1000, true}};
    for (const auto &run : runs) {
        LiveCharts charts;
        if (run.dark) {
            QPalette dark = charts.palette();
            dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
            dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
            dark.setColor(QPalette::WindowText, QColor(0xe0, 0xe0, 0xe0));
            dark.setColor(QPalette::Text, QColor(0xe0, 0xe0, 0xe0));
            charts.setPalette(dark);
        }
        charts.resize(900, 600);
        charts.show();
        QVERIFY(QTest::qWaitForWindowExposed(&charts));
        QSignalSpy refreshed(&charts, &LiveCharts::refreshed);
        if (run.durationMs > 0) {
            feedRun(charts, run.durationMs);
            QVERIFY(refreshed.wait(5000));
        }
        // The chart lays out its wider y labels on the next event pass; a window paints after it.
        QCoreApplication::processEvents();
        const QImage image = charts.grab().toImage();
        QCOMPARE(image.size(), QSize(900, 600) * image.devicePixelRatio());
        const QString path = outDir + u"/charts-"_s + run.name + u".png"_s;
        QVERIFY(image.save(path));
        QVERIFY(QImage(path).size() == image.size());
    }
}

} // namespace Salvo

QTEST_MAIN(Salvo::TestLiveCharts)
#include "tst_livecharts.moc"
