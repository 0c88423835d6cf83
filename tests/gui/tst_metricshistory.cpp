// Tests MetricsHistory: the full-resolution tail, exact bucket aggregates, widening, bounds over
// a 3-hour run, ordering and clear().
#include "gui/charts/metricshistory.h"

#include <QTest>

#include <map>
#include <random>

using namespace Qt::StringLiterals;

namespace Salvo {

class TestMetricsHistory : public QObject
{
    Q_OBJECT

private slots:
    void startsEmpty();
    void keepsNewestAtFullResolution();
    void averagesRatesAndTakesMaxOfRequestsPerBucket();
    void widensBucketsByMergingPairs();
    void matchesReferenceAggregation();
    void staysBoundedOverThreeHours();
    void keepsTimeOrder();
    void survivesLongGaps();
    void clearStartsOver();
};

namespace {

EngineMetrics sample(qint64 timeMs, double completed, int inFlight = 0, int cap = 0,
                     double rateLimited = 0, qint64 p50 = 0, qint64 p95 = 0)
{
    EngineMetrics m;
    m.elapsedMs = timeMs;
    m.completedPerSecond = completed;
    m.rateLimitedPerSecond = rateLimited;
    m.inFlight = inFlight;
    m.cap = cap;
    m.latencyP50Ms = p50;
    m.latencyP95Ms = p95;
    return m;
}

} // namespace

void TestMetricsHistory::startsEmpty()
{
    MetricsHistory history;
    QVERIFY(history.isEmpty());
    QCOMPARE(history.size(), 0);
    QVERIFY(history.points().isEmpty());
    QCOMPARE(history.lastTimeMs(), 0);
    QCOMPARE(history.bucketWidthMs(), MetricsHistory::DefaultBucketMs);
}

void TestMetricsHistory::keepsNewestAtFullResolution()
{
    MetricsHistory history(5, 10, 1000);
    for (int i = 1; i <= 5; ++i)
        QVERIFY(history.add(sample(i * 250, i * 1.5, i, 10, i * 0.25, 100 * i, 300 * i)));
    QCOMPARE(history.bucketCount(), 0);
    const QList<MetricsPoint> points = history.points();
    QCOMPARE(points.size(), 5);
    for (int i = 1; i <= 5; ++i) {
        const MetricsPoint &p = points[i - 1];
        QCOMPARE(p.timeMs, double(i * 250));
        QCOMPARE(p.completedPerSecond, i * 1.5);
        QCOMPARE(p.rateLimitedPerSecond, i * 0.25);
        QCOMPARE(p.inFlight, i);
        QCOMPARE(p.cap, 10);
        QCOMPARE(p.latencyP50Ms, 100.0 * i);
        QCOMPARE(p.latencyP95Ms, 300.0 * i);
        QCOMPARE(p.sampleCount, 1);
    }
    // The sixth sample pushes the oldest into a bucket; the newest five stay exact.
    QVERIFY(history.add(sample(1500, 99, 7, 10)));
    QCOMPARE(history.bucketCount(), 1);
    QCOMPARE(history.fullResolutionCount(), 5);
    const QList<MetricsPoint> after = history.points();
    QCOMPARE(after.size(), 6);
    QCOMPARE(after.last().timeMs, 1500.0);
    QCOMPARE(after.last().completedPerSecond, 99.0);
    QCOMPARE(after[1].timeMs, 500.0);
}

void TestMetricsHistory::averagesRatesAndTakesMaxOfRequestsPerBucket()
{
    MetricsHistory history(2, 100, 1000);
    // Four samples in [0, 1000) end up in one bucket; the last two stay at full resolution.
    history.add(sample(0, 1, 5, 8, 0, 100, 400));
    history.add(sample(250, 2, 9, 8, 2, 200, 500));
    history.add(sample(500, 3, 2, 16, 0, 300, 600));
    history.add(sample(750, 6, 1, 12, 6, 600, 900));
    history.add(sample(1000, 10, 3, 12));
    history.add(sample(1250, 20, 4, 12));
    QCOMPARE(history.bucketCount(), 1);
    const QList<MetricsPoint> points = history.points();
    QCOMPARE(points.size(), 3);
    const MetricsPoint &bucket = points[0];
    QCOMPARE(bucket.sampleCount, 4);
    QCOMPARE(bucket.timeMs, 375.0);
    QCOMPARE(bucket.completedPerSecond, 3.0);  // (1 + 2 + 3 + 6) / 4
    QCOMPARE(bucket.rateLimitedPerSecond, 2.0); // (0 + 2 + 0 + 6) / 4
    QCOMPARE(bucket.inFlight, 9);
    QCOMPARE(bucket.cap, 16);
    QCOMPARE(bucket.latencyP50Ms, 300.0);       // (100 + 200 + 300 + 600) / 4
    QCOMPARE(bucket.latencyP95Ms, 600.0);       // (400 + 500 + 600 + 900) / 4
    QCOMPARE(points[1].timeMs, 1000.0);
    QCOMPARE(points[2].completedPerSecond, 20.0);
}

void TestMetricsHistory::widensBucketsByMergingPairs()
{
    MetricsHistory history(1, 2, 1000);
    history.add(sample(0, 1, 1, 10));
    history.add(sample(1000, 3, 6, 10));
    history.add(sample(2000, 5, 2, 20));
    QCOMPARE(history.bucketCount(), 2);
    QCOMPARE(history.bucketWidthMs(), 1000);
    // A third 1 s bucket is one too many: width doubles, [0, 2000) and [2000, 4000) remain.
    history.add(sample(3000, 7, 4, 20));
    QCOMPARE(history.bucketWidthMs(), 2000);
    QCOMPARE(history.bucketCount(), 2);
    history.add(sample(4000, 100, 50, 50));
    QCOMPARE(history.bucketWidthMs(), 2000);
    const QList<MetricsPoint> points = history.points();
    QCOMPARE(points.size(), 3);
    QCOMPARE(points[0].sampleCount, 2);
    QCOMPARE(points[0].timeMs, 500.0);
    QCOMPARE(points[0].completedPerSecond, 2.0);
    QCOMPARE(points[0].inFlight, 6);
    QCOMPARE(points[0].cap, 10);
    QCOMPARE(points[1].sampleCount, 2);
    QCOMPARE(points[1].timeMs, 2500.0);
    QCOMPARE(points[1].completedPerSecond, 6.0);
    QCOMPARE(points[1].inFlight, 4);
    QCOMPARE(points[1].cap, 20);
    QCOMPARE(points[2].timeMs, 4000.0);
    QCOMPARE(points[2].inFlight, 50);
}

void TestMetricsHistory::matchesReferenceAggregation()
{
    // Irregular times and values against a direct grouping of the same samples by the final
    // bucket width: the incremental folding and widening must give the same numbers.
    constexpr int FullResolution = 7;
    MetricsHistory history(FullResolution, 5, 250);
    std::mt19937 random(12345);
    std::uniform_int_distribution<int> step(50, 900);
    std::uniform_int_distribution<int> value(0, 400);
    QList<EngineMetrics> all;
    qint64 t = 0;
    for (int i = 0; i < 600; ++i) {
        t += step(random);
        all.append(sample(t, value(random) / 4.0, value(random), value(random),
                          value(random) / 8.0, value(random) * 10, value(random) * 20));
        QVERIFY(history.add(all.last()));
    }

    struct Expected
    {
        double time = 0, completed = 0, rateLimited = 0, p50 = 0, p95 = 0;
        int inFlight = 0, cap = 0, count = 0;
    };
    std::map<qint64, Expected> groups;
    const qint64 width = history.bucketWidthMs();
    for (qsizetype i = 0; i < all.size() - FullResolution; ++i) {
        const EngineMetrics &m = all[i];
        Expected &e = groups[m.elapsedMs / width];
        e.time += double(m.elapsedMs);
        e.completed += m.completedPerSecond;
        e.rateLimited += m.rateLimitedPerSecond;
        e.p50 += double(m.latencyP50Ms);
        e.p95 += double(m.latencyP95Ms);
        e.inFlight = std::max(e.inFlight, m.inFlight);
        e.cap = std::max(e.cap, m.cap);
        ++e.count;
    }
    const QList<MetricsPoint> points = history.points();
    QCOMPARE(points.size(), qsizetype(groups.size()) + FullResolution);
    QVERIFY(groups.size() <= 5);
    qsizetype i = 0;
    for (const auto &[index, e] : groups) {
        const MetricsPoint &p = points[i++];
        QCOMPARE(p.sampleCount, e.count);
        QCOMPARE(p.timeMs, e.time / e.count);
        QCOMPARE(p.completedPerSecond, e.completed / e.count);
        QCOMPARE(p.rateLimitedPerSecond, e.rateLimited / e.count);
        QCOMPARE(p.latencyP50Ms, e.p50 / e.count);
        QCOMPARE(p.latencyP95Ms, e.p95 / e.count);
        QCOMPARE(p.inFlight, e.inFlight);
        QCOMPARE(p.cap, e.cap);
    }
    for (qsizetype k = all.size() - FullResolution; k < all.size(); ++k) {
        const MetricsPoint &p = points[i++];
        QCOMPARE(p.timeMs, double(all[k].elapsedMs));
        QCOMPARE(p.completedPerSecond, all[k].completedPerSecond);
        QCOMPARE(p.inFlight, all[k].inFlight);
        QCOMPARE(p.sampleCount, 1);
    }
}

void TestMetricsHistory::staysBoundedOverThreeHours()
{
    MetricsHistory history;
    constexpr int Samples = 3 * 3600 * 4; // the engine reports every 250 ms
    const int bound = MetricsHistory::DefaultFullResolution + MetricsHistory::DefaultMaxBuckets;
    int largest = 0;
    for (int i = 1; i <= Samples; ++i) {
        // A constant rate of 12/s and a saw-tooth in-flight whose maximum is known per bucket.
        history.add(sample(qint64(i) * 250, 12, i % 64, 64, 0.5, 800, 2000));
        largest = std::max(largest, history.size());
    }
    QVERIFY2(largest <= bound, qPrintable(u"%1 points"_s.arg(largest)));
    QCOMPARE(history.sampleCount(), Samples);
    QCOMPARE(history.lastTimeMs(), qint64(Samples) * 250);
    QCOMPARE(history.fullResolutionCount(), MetricsHistory::DefaultFullResolution);
    // 42,800 folded samples span 10,700 s: 400 buckets need 26.75 s each, so 1 s doubled 5 times.
    QCOMPARE(history.bucketWidthMs(), 32000);
    QCOMPARE(history.bucketCount(), 335); // ceil(10,700,000 / 32,000)

    const QList<MetricsPoint> points = history.points();
    qint64 counted = 0;
    for (qsizetype i = 0; i < points.size(); ++i) {
        const MetricsPoint &p = points[i];
        counted += p.sampleCount;
        if (i > 0)
            QVERIFY(p.timeMs > points[i - 1].timeMs);
        QCOMPARE(p.completedPerSecond, 12.0);
        QCOMPARE(p.rateLimitedPerSecond, 0.5);
        QCOMPARE(p.latencyP95Ms, 2000.0);
        QCOMPARE(p.cap, 64);
        if (p.sampleCount >= 64)
            QCOMPARE(p.inFlight, 63); // a full bucket holds a whole saw-tooth period
    }
    QCOMPARE(counted, qint64(Samples));
    // The newest 400 are the samples themselves.
    for (int k = 0; k < MetricsHistory::DefaultFullResolution; ++k) {
        const int i = Samples - k;
        const MetricsPoint &p = points[points.size() - 1 - k];
        QCOMPARE(p.timeMs, double(qint64(i) * 250));
        QCOMPARE(p.inFlight, i % 64);
        QCOMPARE(p.sampleCount, 1);
    }
}

void TestMetricsHistory::keepsTimeOrder()
{
    MetricsHistory history(3, 3, 1000);
    QVERIFY(history.add(sample(1000, 1)));
    QVERIFY(history.add(sample(1250, 2)));
    QVERIFY(!history.add(sample(1100, 3))); // older than the newest: dropped
    QCOMPARE(history.size(), 2);
    QVERIFY(history.add(sample(1250, 4)));  // same time: the later report wins
    QCOMPARE(history.size(), 2);
    QCOMPARE(history.sampleCount(), 2);
    QCOMPARE(history.points().last().completedPerSecond, 4.0);
    QCOMPARE(history.lastTimeMs(), 1250);
}

void TestMetricsHistory::survivesLongGaps()
{
    // A paused run that reports seldom leaves empty buckets between sparse ones; widening must
    // repeat until the count fits rather than stop after one doubling.
    MetricsHistory history(2, 4, 100);
    for (int i = 0; i < 50; ++i)
        history.add(sample(qint64(i) * qint64(i) * 10000, i));
    QVERIFY(history.bucketCount() <= 4);
    QCOMPARE(history.fullResolutionCount(), 2);
    qint64 counted = 0;
    const QList<MetricsPoint> points = history.points();
    for (qsizetype i = 0; i < points.size(); ++i) {
        counted += points[i].sampleCount;
        if (i > 0)
            QVERIFY(points[i].timeMs > points[i - 1].timeMs);
    }
    QCOMPARE(counted, 50);
}

void TestMetricsHistory::clearStartsOver()
{
    MetricsHistory history(2, 2, 1000);
    for (int i = 0; i < 40; ++i)
        history.add(sample(qint64(i) * 500, i));
    QVERIFY(history.bucketWidthMs() > 1000);
    history.clear();
    QVERIFY(history.isEmpty());
    QCOMPARE(history.size(), 0);
    QCOMPARE(history.sampleCount(), 0);
    QCOMPARE(history.bucketWidthMs(), 1000);
    // A new run's clock starts at 0 again; nothing from before may refuse it.
    QVERIFY(history.add(sample(250, 7)));
    QCOMPARE(history.points().size(), 1);
    QCOMPARE(history.points().first().completedPerSecond, 7.0);
}

} // namespace Salvo

QTEST_APPLESS_MAIN(Salvo::TestMetricsHistory)
#include "tst_metricshistory.moc"
