// Unit tests of the simulator's rate-limit arithmetic (TokenBucket, SimRateLimiter) and of the
// header formats it sends: OpenAI's Go durations and Anthropic's RFC 3339 timestamps.
#include "core/sim/simconfig.h"
#include "core/sim/simratelimiter.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Salvo;

namespace {

QByteArray header(const SimRateLimiter::Headers &headers, const QByteArray &name)
{
    for (const auto &[key, value] : headers) {
        if (key == name)
            return value;
    }
    return {};
}

bool hasHeader(const SimRateLimiter::Headers &headers, const QByteArray &name)
{
    for (const auto &entry : headers) {
        if (entry.first == name)
            return true;
    }
    return false;
}

SimConfig limits(double rpm, double itpm, double otpm, double bucketSeconds)
{
    SimConfig config;
    config.rpm = rpm;
    config.itpm = itpm;
    config.otpm = otpm;
    config.bucketSeconds = bucketSeconds;
    return config;
}

} // namespace

class TestSimRateLimiter final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void bucketStartsFull_data();
    void bucketStartsFull();
    void bucketRefillsContinuously();
    void msUntil_data();
    void msUntil();
    void requestLargerThanBucketNeverFits();
    void unlimitedBucketNeverWaits();
    void takeNeverGoesBelowZero();

    void admitsBurstThenRefill();
    void admitIsAllOrNothing_data();
    void admitIsAllOrNothing();
    void lowRpmStillAdmitsOneRequest();
    void unlimitedSendsNoHeaders();
    void anthropicHeaders();
    void openAiHeaders();

    void goDuration_data();
    void goDuration();
    void rfc3339_data();
    void rfc3339();
};

void TestSimRateLimiter::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestSimRateLimiter::bucketStartsFull_data()
{
    QTest::addColumn<double>("perMinute");
    QTest::addColumn<double>("bucketSeconds");
    QTest::addColumn<double>("capacity");
    QTest::newRow("600 rpm, 1 s buckets") << 600.0 << 1.0 << 10.0;
    QTest::newRow("60 rpm, 60 s buckets") << 60.0 << 60.0 << 60.0;
    QTest::newRow("4000 rpm, 60 s buckets") << 4000.0 << 60.0 << 4000.0;
    QTest::newRow("2M itpm, half-second buckets") << 2000000.0 << 0.5 << 2000000.0 / 120;
}

void TestSimRateLimiter::bucketStartsFull()
{
    QFETCH(double, perMinute);
    QFETCH(double, bucketSeconds);
    QFETCH(double, capacity);
    TokenBucket bucket(perMinute, bucketSeconds, 1000);
    QVERIFY(bucket.isLimited());
    QCOMPARE(bucket.perMinute(), perMinute);
    QCOMPARE(bucket.level(1000), capacity);
    QCOMPARE(bucket.msUntilFull(1000), 0.0);
    QCOMPARE(bucket.level(1000 + 3600000), capacity); // never fuller than full
}

void TestSimRateLimiter::bucketRefillsContinuously()
{
    TokenBucket bucket(600, 1, 0); // 10 per second, burst 10
    bucket.take(10, 0);
    QCOMPARE(bucket.level(0), 0.0);
    QCOMPARE(bucket.msUntilFull(0), 1000.0);
    QCOMPARE(bucket.level(50), 0.5);
    QCOMPARE(bucket.level(100), 1.0);
    QCOMPARE(bucket.msUntilFull(100), 900.0);
    QCOMPARE(bucket.level(40), 1.0); // a clock read out of order changes nothing
    QCOMPARE(bucket.level(999), 9.99);
    QCOMPARE(bucket.level(5000), 10.0);
}

void TestSimRateLimiter::msUntil_data()
{
    QTest::addColumn<double>("perMinute");
    QTest::addColumn<double>("bucketSeconds");
    QTest::addColumn<double>("taken");
    QTest::addColumn<qint64>("at");
    QTest::addColumn<double>("amount");
    QTest::addColumn<double>("expectedMs");
    QTest::newRow("full bucket") << 600.0 << 1.0 << 0.0 << qint64(0) << 1.0 << 0.0;
    QTest::newRow("last request left") << 600.0 << 1.0 << 9.0 << qint64(0) << 1.0 << 0.0;
    QTest::newRow("empty: one request") << 600.0 << 1.0 << 10.0 << qint64(0) << 1.0 << 100.0;
    QTest::newRow("empty: three requests") << 600.0 << 1.0 << 10.0 << qint64(0) << 3.0 << 300.0;
    QTest::newRow("half refilled") << 600.0 << 1.0 << 10.0 << qint64(50) << 1.0 << 50.0;
    QTest::newRow("refilled") << 600.0 << 1.0 << 10.0 << qint64(100) << 1.0 << 0.0;
    QTest::newRow("tokens: 1000 short at 100/s")
        << 6000.0 << 60.0 << 6000.0 << qint64(0) << 1000.0 << 10000.0;
    QTest::newRow("tokens: whole bucket") << 6000.0 << 60.0 << 0.0 << qint64(0) << 6000.0 << 0.0;
}

void TestSimRateLimiter::msUntil()
{
    QFETCH(double, perMinute);
    QFETCH(double, bucketSeconds);
    QFETCH(double, taken);
    QFETCH(qint64, at);
    QFETCH(double, amount);
    QFETCH(double, expectedMs);
    TokenBucket bucket(perMinute, bucketSeconds, 0);
    bucket.take(taken, 0);
    QCOMPARE(bucket.msUntil(amount, at), expectedMs);
}

void TestSimRateLimiter::requestLargerThanBucketNeverFits()
{
    TokenBucket bucket(600, 1, 0); // capacity 10
    const double wait = bucket.msUntil(11, 0);
    QVERIFY(wait > 0);
    QVERIFY(bucket.msUntil(11, qint64(wait) + 1) > 0);
    QVERIFY(bucket.msUntil(11, 3600000) > 0);
    QCOMPARE(bucket.msUntil(10, 3600000), 0.0);
}

void TestSimRateLimiter::unlimitedBucketNeverWaits()
{
    TokenBucket bucket;
    QVERIFY(!bucket.isLimited());
    bucket.take(1e9, 0);
    QCOMPARE(bucket.msUntil(1e9, 0), 0.0);
    QCOMPARE(bucket.msUntilFull(0), 0.0);
    QVERIFY(!TokenBucket(0, 60, 0).isLimited());
}

void TestSimRateLimiter::takeNeverGoesBelowZero()
{
    TokenBucket bucket(600, 1, 0);
    bucket.take(15, 0);
    QCOMPARE(bucket.level(0), 0.0);
    QCOMPARE(bucket.msUntil(1, 0), 100.0);
}

void TestSimRateLimiter::admitsBurstThenRefill()
{
    SimRateLimiter limiter;
    limiter.configure(limits(600, 0, 0, 1), 0);
    for (int i = 0; i < 10; ++i)
        QCOMPARE(limiter.admit(100, 100, 0), 0.0);
    QCOMPARE(limiter.admit(100, 100, 0), 100.0);
    QCOMPARE(limiter.admit(100, 100, 60), 40.0);
    QCOMPARE(limiter.admit(100, 100, 100), 0.0);
    QCOMPARE(limiter.admit(100, 100, 100), 100.0);
    QCOMPARE(limiter.admit(100, 100, 1100), 0.0); // refilled to 10 by now
    for (int i = 0; i < 9; ++i)
        QCOMPARE(limiter.admit(100, 100, 1100), 0.0);
    QVERIFY(limiter.admit(100, 100, 1100) > 0);
}

void TestSimRateLimiter::admitIsAllOrNothing_data()
{
    QTest::addColumn<double>("itpm");
    QTest::addColumn<double>("otpm");
    QTest::addColumn<int>("inputTokens");
    QTest::addColumn<int>("outputTokens");
    QTest::addColumn<double>("secondWaitMs");
    // One-second buckets: itpm 600 holds 10 tokens and refills one per 100 ms.
    QTest::newRow("input tokens") << 600.0 << 0.0 << 8 << 1 << 600.0;
    QTest::newRow("output tokens") << 0.0 << 1200.0 << 1 << 15 << 500.0;
    QTest::newRow("both, input binds") << 600.0 << 6000.0 << 8 << 15 << 600.0;
    QTest::newRow("both, output binds") << 6000.0 << 1200.0 << 8 << 15 << 500.0;
}

void TestSimRateLimiter::admitIsAllOrNothing()
{
    QFETCH(double, itpm);
    QFETCH(double, otpm);
    QFETCH(int, inputTokens);
    QFETCH(int, outputTokens);
    QFETCH(double, secondWaitMs);
    SimRateLimiter limiter;
    limiter.configure(limits(600, itpm, otpm, 1), 0);
    QCOMPARE(limiter.admit(inputTokens, outputTokens, 0), 0.0);
    QCOMPARE(limiter.admit(inputTokens, outputTokens, 0), secondWaitMs);
    QCOMPARE(limiter.admit(inputTokens, outputTokens, 0), secondWaitMs);

    // The refused requests took nothing from the requests bucket.
    SimRateLimiter::Headers headers;
    limiter.appendAnthropicHeaders(headers, 0);
    QCOMPARE(header(headers, "anthropic-ratelimit-requests-remaining"), "9");

    QCOMPARE(limiter.admit(inputTokens, outputTokens, qint64(secondWaitMs)), 0.0);
}

void TestSimRateLimiter::lowRpmStillAdmitsOneRequest()
{
    // 30 requests a minute over one-second buckets would be half a request of burst.
    SimRateLimiter limiter;
    limiter.configure(limits(30, 0, 0, 1), 0);
    QCOMPARE(limiter.admit(10, 10, 0), 0.0);
    QCOMPARE(limiter.admit(10, 10, 0), 2000.0);
    QCOMPARE(limiter.admit(10, 10, 2000), 0.0);
}

void TestSimRateLimiter::unlimitedSendsNoHeaders()
{
    SimRateLimiter limiter;
    limiter.configure(SimConfig(), 0);
    QCOMPARE(limiter.admit(1000000, 1000000, 0), 0.0);
    SimRateLimiter::Headers headers;
    limiter.appendAnthropicHeaders(headers, 0);
    limiter.appendOpenAiHeaders(headers, 0);
    QVERIFY(headers.isEmpty());
}

void TestSimRateLimiter::anthropicHeaders()
{
    SimRateLimiter limiter;
    limiter.configure(limits(600, 6000, 1000, 60), 0);
    QCOMPARE(limiter.admit(100, 20, 0), 0.0);
    SimRateLimiter::Headers headers;
    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    limiter.appendAnthropicHeaders(headers, 0);
    const qint64 after = QDateTime::currentMSecsSinceEpoch();

    QCOMPARE(header(headers, "anthropic-ratelimit-requests-limit"), "600");
    QCOMPARE(header(headers, "anthropic-ratelimit-requests-remaining"), "599");
    QCOMPARE(header(headers, "anthropic-ratelimit-input-tokens-limit"), "6000");
    QCOMPARE(header(headers, "anthropic-ratelimit-input-tokens-remaining"), "5900");
    QCOMPARE(header(headers, "anthropic-ratelimit-output-tokens-limit"), "1000");
    QCOMPARE(header(headers, "anthropic-ratelimit-output-tokens-remaining"), "980");
    // "tokens" is the tighter of the two: output has 98% left, input 98.3%.
    QCOMPARE(header(headers, "anthropic-ratelimit-tokens-limit"), "1000");
    QCOMPARE(header(headers, "anthropic-ratelimit-tokens-remaining"), "980");

    struct Reset
    {
        QByteArray name;
        qint64 fullInMs;
    };
    const Reset resets[] = {{"anthropic-ratelimit-requests-reset", 100},
                            {"anthropic-ratelimit-input-tokens-reset", 1000},
                            {"anthropic-ratelimit-output-tokens-reset", 1200},
                            {"anthropic-ratelimit-tokens-reset", 1200}};
    static const QRegularExpression format(u"^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$"_s);
    for (const Reset &reset : resets) {
        const QString value = QString::fromLatin1(header(headers, reset.name));
        QVERIFY2(format.match(value).hasMatch(), qPrintable(value));
        const QDateTime at = QDateTime::fromString(value, Qt::ISODate);
        QVERIFY(at.isValid());
        QCOMPARE(at.timeSpec(), Qt::UTC);
        // Rounded up to a whole second: never earlier than the bucket is full.
        QVERIFY2(at.toMSecsSinceEpoch() >= before + reset.fullInMs, reset.name.constData());
        QVERIFY2(at.toMSecsSinceEpoch() < after + reset.fullInMs + 1000, reset.name.constData());
    }
    QVERIFY(!hasHeader(headers, "x-ratelimit-limit-requests"));
}

void TestSimRateLimiter::openAiHeaders()
{
    SimRateLimiter limiter;
    limiter.configure(limits(600, 6000, 1000, 60), 0);
    QCOMPARE(limiter.admit(100, 20, 0), 0.0);
    SimRateLimiter::Headers headers;
    limiter.appendOpenAiHeaders(headers, 0);
    QCOMPARE(header(headers, "x-ratelimit-limit-requests"), "600");
    QCOMPARE(header(headers, "x-ratelimit-remaining-requests"), "599");
    QCOMPARE(header(headers, "x-ratelimit-reset-requests"), "100ms");
    // One token limit: input and output together; full again when the slower one is.
    QCOMPARE(header(headers, "x-ratelimit-limit-tokens"), "7000");
    QCOMPARE(header(headers, "x-ratelimit-remaining-tokens"), "6880");
    QCOMPARE(header(headers, "x-ratelimit-reset-tokens"), "1.2s");
    QVERIFY(!hasHeader(headers, "anthropic-ratelimit-requests-limit"));

    headers.clear();
    limiter.appendOpenAiHeaders(headers, 600); // half a second later
    QCOMPARE(header(headers, "x-ratelimit-remaining-requests"), "600");
    QCOMPARE(header(headers, "x-ratelimit-reset-requests"), "0s");
    QCOMPARE(header(headers, "x-ratelimit-remaining-tokens"), "6950");
    QCOMPARE(header(headers, "x-ratelimit-reset-tokens"), "600ms");
}

void TestSimRateLimiter::goDuration_data()
{
    QTest::addColumn<double>("ms");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("zero") << 0.0 << QByteArray("0s");
    QTest::newRow("under a millisecond rounds up") << 0.2 << QByteArray("1ms");
    QTest::newRow("1 ms") << 1.0 << QByteArray("1ms");
    QTest::newRow("20 ms") << 20.0 << QByteArray("20ms");
    QTest::newRow("fraction rounds up") << 99.01 << QByteArray("100ms");
    QTest::newRow("999 ms") << 999.0 << QByteArray("999ms");
    QTest::newRow("1 s") << 1000.0 << QByteArray("1s");
    QTest::newRow("1.5 s") << 1500.0 << QByteArray("1.5s");
    QTest::newRow("1.001 s") << 1001.0 << QByteArray("1.001s");
    QTest::newRow("41.724 s") << 41724.0 << QByteArray("41.724s");
    QTest::newRow("59.999 s") << 59999.0 << QByteArray("59.999s");
    QTest::newRow("1 min") << 60000.0 << QByteArray("1m0s");
    QTest::newRow("1 min 1 s") << 61000.0 << QByteArray("1m1s");
    QTest::newRow("6 min") << 360000.0 << QByteArray("6m0s");
    QTest::newRow("1 h") << 3600000.0 << QByteArray("1h0m0s");
    QTest::newRow("1 h 2 min 3 s") << 3723000.0 << QByteArray("1h2m3s");
    QTest::newRow("1 h 0 min 3.5 s") << 3603500.0 << QByteArray("1h0m3.5s");
    QTest::newRow("25 h") << 90000000.0 << QByteArray("25h0m0s");
}

void TestSimRateLimiter::goDuration()
{
    QFETCH(double, ms);
    QFETCH(QByteArray, expected);
    QCOMPARE(SimRateLimiter::goDuration(ms), expected);
}

void TestSimRateLimiter::rfc3339_data()
{
    QTest::addColumn<qint64>("msSinceEpoch");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("epoch") << qint64(0) << QByteArray("1970-01-01T00:00:00Z");
    QTest::newRow("whole second") << qint64(1755780059000) << QByteArray("2025-08-21T12:40:59Z");
    QTest::newRow("1 ms past rounds up") << qint64(1755780058001)
                                         << QByteArray("2025-08-21T12:40:59Z");
    QTest::newRow("999 ms past rounds up") << qint64(1755780058999)
                                           << QByteArray("2025-08-21T12:40:59Z");
    QTest::newRow("year end") << qint64(1767225599500) << QByteArray("2026-01-01T00:00:00Z");
}

void TestSimRateLimiter::rfc3339()
{
    QFETCH(qint64, msSinceEpoch);
    QFETCH(QByteArray, expected);
    QCOMPARE(SimRateLimiter::rfc3339(msSinceEpoch), expected);
}

QTEST_GUILESS_MAIN(TestSimRateLimiter)
#include "tst_simratelimiter.moc"
