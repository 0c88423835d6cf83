// Unit tests of RatePacer: the user's request and token budgets, the shared cool-down after a
// 429, and the mirror of the server's buckets built from its rate-limit headers. Time is passed
// in explicitly, so nothing here sleeps.
#include "core/engine/ratepacer.h"

#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Salvo;

namespace {

RateLimitInfo requestHeaders(double limit, double remaining, std::optional<qint64> resetMs)
{
    RateLimitInfo info;
    info.requestLimit = limit;
    info.requestsRemaining = remaining;
    info.requestsResetMs = resetMs;
    return info;
}

RateLimitInfo tokenHeaders(double limit, double remaining, std::optional<qint64> resetMs)
{
    RateLimitInfo info;
    info.tokenLimit = limit;
    info.tokensRemaining = remaining;
    info.tokensResetMs = resetMs;
    return info;
}

// The pacer keeps one request of the server's bucket spare: its mirror lags by a response.
constexpr int Spare = 1;

// Sends requests at `nowMs` while the pacer lets them through; returns how many went.
int burst(RatePacer &pacer, double tokens, qint64 nowMs, int atMost = 100000)
{
    int sent = 0;
    while (sent < atMost && pacer.waitMs(tokens, nowMs) == 0) {
        pacer.onDispatched(tokens, nowMs);
        ++sent;
    }
    return sent;
}

} // namespace

class TestRatePacer final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void unlimitedNeverWaits();
    void requestBudget_data();
    void requestBudget();
    void requestBudgetRefills();
    void tokenBudget();
    void requestLargerThanTokenBudgetWaitsForFullBucket();
    void overspendIsDebt();
    void setBudgetsAgainStartsFull();

    void coolDownBlocksUntilItEnds();
    void coolDownNeverShortens();

    void serverMirrorEmptyBucketWaits_data();
    void serverMirrorEmptyBucketWaits();
    void serverMirrorCapacityFromReset();
    void serverMirrorCapacityWithoutReset();
    void serverMirrorDrainedByDispatch();
    void serverMirrorTokens();
    void serverMirrorNeedsLimitAndRemaining();
    void serverMirrorIgnoresNonPositiveLimit();
    void staleHeadersNeverRefillMirror();
    void lowerHeadersDrainMirror();
    void waitIsTheLongestOfAll();
};

void TestRatePacer::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestRatePacer::unlimitedNeverWaits()
{
    RatePacer pacer;
    QCOMPARE(pacer.waitMs(1e6, 0), qint64(0));
    for (int i = 0; i < 1000; ++i)
        pacer.onDispatched(1e6, 0);
    QCOMPARE(pacer.waitMs(1e6, 0), qint64(0));
    QCOMPARE(pacer.coolDownRemainingMs(0), qint64(0));

    pacer.setBudgets(0, 0, 0); // zero means no budget
    QCOMPARE(burst(pacer, 1000, 0, 5000), 5000);
}

void TestRatePacer::requestBudget_data()
{
    QTest::addColumn<double>("rpm");
    QTest::addColumn<int>("burstSize");
    QTest::addColumn<qint64>("nextWaitMs");

    // A second's worth of burst, then one request every 60000/rpm ms.
    QTest::newRow("600 rpm") << 600.0 << 10 << qint64(100);
    QTest::newRow("60 rpm") << 60.0 << 1 << qint64(1000);
    QTest::newRow("6000 rpm") << 6000.0 << 100 << qint64(10);
    QTest::newRow("30 rpm: burst of at least one") << 30.0 << 1 << qint64(2000);
    QTest::newRow("90 rpm: fractional burst") << 90.0 << 1 << qint64(334);
}

void TestRatePacer::requestBudget()
{
    QFETCH(double, rpm);
    QFETCH(int, burstSize);
    QFETCH(qint64, nextWaitMs);

    RatePacer pacer;
    pacer.setBudgets(rpm, 0, 5000);
    QCOMPARE(burst(pacer, 100, 5000), burstSize);
    const qint64 wait = pacer.waitMs(100, 5000);
    QVERIFY2(wait >= nextWaitMs && wait <= nextWaitMs + 1, qPrintable(QString::number(wait)));
    QCOMPARE(pacer.waitMs(100, 5000 + wait), qint64(0));
}

void TestRatePacer::requestBudgetRefills()
{
    RatePacer pacer;
    pacer.setBudgets(600, 0, 0);
    QCOMPARE(burst(pacer, 1, 0), 10);
    const qint64 eleventh = pacer.waitMs(1, 0);
    QVERIFY(eleventh >= 100 && eleventh <= 101); // the 11th request in the same ms
    QVERIFY(pacer.waitMs(1, 50) > 0);
    QVERIFY(pacer.waitMs(1, 50) <= 51);
    QCOMPARE(burst(pacer, 1, 101), 1);
    QCOMPARE(burst(pacer, 1, 1050), 9);  // 0.01 left + 9.49 refilled over 949 ms
    QCOMPARE(burst(pacer, 1, 60000), 10); // never more than the one-second burst
    // A steady pace: over 10 s at 600 rpm, about 100 requests go, never many more.
    int sent = 0;
    for (qint64 t = 60001; t <= 70000; ++t)
        sent += burst(pacer, 1, t);
    QVERIFY2(sent >= 99 && sent <= 101, qPrintable(QString::number(sent)));
}

void TestRatePacer::tokenBudget()
{
    RatePacer pacer;
    pacer.setBudgets(0, 60000, 0); // 1 token per ms, burst 1000
    QCOMPARE(pacer.waitMs(500, 0), qint64(0));
    pacer.onDispatched(500, 0);
    pacer.onDispatched(500, 0);
    QCOMPARE(pacer.waitMs(500, 0), qint64(500));
    QCOMPARE(pacer.waitMs(100, 0), qint64(100));
    QCOMPARE(pacer.waitMs(100, 60), qint64(40));
    QCOMPARE(pacer.waitMs(500, 500), qint64(0));
    QCOMPARE(burst(pacer, 250, 1000), 4);
}

void TestRatePacer::requestLargerThanTokenBudgetWaitsForFullBucket()
{
    RatePacer pacer;
    pacer.setBudgets(0, 60000, 0); // burst 1000 tokens
    QCOMPARE(pacer.waitMs(5000, 0), qint64(0)); // the bucket is full: it goes, or never would
    pacer.onDispatched(5000, 0);
    // Now 4000 in debt: the next big one waits until the bucket is full again.
    QCOMPARE(pacer.waitMs(5000, 0), qint64(5000));
    QCOMPARE(pacer.waitMs(5000, 5000), qint64(0));
}

void TestRatePacer::overspendIsDebt()
{
    RatePacer pacer;
    pacer.setBudgets(600, 0, 0);
    for (int i = 0; i < 15; ++i)
        pacer.onDispatched(1, 0); // five more than the burst allowed
    const qint64 wait = pacer.waitMs(1, 0);
    QVERIFY2(wait >= 600 && wait <= 601, qPrintable(QString::number(wait)));
}

void TestRatePacer::setBudgetsAgainStartsFull()
{
    RatePacer pacer;
    pacer.setBudgets(60, 0, 0);
    QCOMPARE(burst(pacer, 1, 0), 1);
    QVERIFY(pacer.waitMs(1, 10) > 0);
    pacer.setBudgets(600, 0, 10);
    QCOMPARE(burst(pacer, 1, 10), 10);
    pacer.setBudgets(0, 0, 20);
    QCOMPARE(pacer.waitMs(1, 20), qint64(0));
}

void TestRatePacer::coolDownBlocksUntilItEnds()
{
    RatePacer pacer;
    pacer.coolDown(5000, 1000);
    QCOMPARE(pacer.coolDownRemainingMs(1000), qint64(5000));
    QCOMPARE(pacer.waitMs(1, 1000), qint64(5000));
    QCOMPARE(pacer.waitMs(1, 3500), qint64(2500));
    QCOMPARE(pacer.waitMs(1, 5999), qint64(1));
    QCOMPARE(pacer.waitMs(1, 6000), qint64(0));
    QCOMPARE(pacer.coolDownRemainingMs(6000), qint64(0));
    QCOMPARE(pacer.coolDownRemainingMs(9000), qint64(0));
}

void TestRatePacer::coolDownNeverShortens()
{
    RatePacer pacer;
    pacer.coolDown(10000, 0);
    pacer.coolDown(100, 2000); // a later, shorter 429 does not cut the first one short
    QCOMPARE(pacer.coolDownRemainingMs(2000), qint64(8000));
    pacer.coolDown(20000, 5000); // a longer one extends it
    QCOMPARE(pacer.coolDownRemainingMs(5000), qint64(20000));
    pacer.coolDown(0, 6000);
    QCOMPARE(pacer.waitMs(1, 6000), qint64(19000));
}

void TestRatePacer::serverMirrorEmptyBucketWaits_data()
{
    QTest::addColumn<double>("limit");
    QTest::addColumn<qint64>("resetMs"); // -1: no reset header
    QTest::addColumn<qint64>("waitMs");

    // A bucket of one (the reset says so) waits for that one; a larger one keeps one spare. Resets
    // come in whole seconds, so a reset of 1 s proves a bucket of one request, no more.
    QTest::newRow("50 rpm, full in 1.2 s") << 50.0 << qint64(1200) << qint64(1200);
    QTest::newRow("60 rpm, full in 1 s") << 60.0 << qint64(1000) << qint64(1000);
    QTest::newRow("600 rpm, full in 1 s") << 600.0 << qint64(1000) << qint64(100);
    QTest::newRow("600 rpm, full in 2 s") << 600.0 << qint64(2000) << qint64(100 * (1 + Spare));
    QTest::newRow("600 rpm, no reset") << 600.0 << qint64(-1) << qint64(100 * (1 + Spare));
    QTest::newRow("4000 rpm, reset now") << 4000.0 << qint64(0) << qint64(15);
}

void TestRatePacer::serverMirrorEmptyBucketWaits()
{
    QFETCH(double, limit);
    QFETCH(qint64, resetMs);
    QFETCH(qint64, waitMs);

    RatePacer pacer;
    pacer.onResponse(requestHeaders(limit, 0,
                                    resetMs >= 0 ? std::optional<qint64>(resetMs) : std::nullopt),
                     10000);
    const qint64 wait = pacer.waitMs(1, 10000);
    QVERIFY2(wait > 0, "remaining < 1 must make the next request wait");
    QVERIFY2(wait >= waitMs && wait <= waitMs + 1, qPrintable(QString::number(wait)));
    QCOMPARE(pacer.waitMs(1, 10000 + wait), qint64(0));
}

void TestRatePacer::serverMirrorCapacityFromReset()
{
    // 600 rpm, 5 left, full again in 1.5 s (of which up to 1 s is rounding): the server's bucket
    // holds at least 10, and the pacer assumes no more, not 600.
    RatePacer pacer;
    pacer.onResponse(requestHeaders(600, 5, 1500), 0);
    QCOMPARE(burst(pacer, 1, 0), 5 - Spare);
    QVERIFY(pacer.waitMs(1, 0) > 0);
    QCOMPARE(burst(pacer, 1, 600000), 10 - Spare); // long after: still only the bucket's size
    const qint64 wait = pacer.waitMs(1, 600000);
    QVERIFY(wait >= 100 && wait <= 101);
}

void TestRatePacer::serverMirrorCapacityWithoutReset()
{
    RatePacer pacer;
    pacer.onResponse(requestHeaders(600, 3, std::nullopt), 0);
    QCOMPARE(burst(pacer, 1, 0), 3 - Spare);
    QCOMPARE(burst(pacer, 1, 600000), 600 - Spare); // the whole minute's limit
}

void TestRatePacer::serverMirrorDrainedByDispatch()
{
    RatePacer pacer;
    pacer.onResponse(requestHeaders(60, 2 + Spare, 58000), 0);
    QCOMPARE(pacer.waitMs(1, 0), qint64(0));
    pacer.onDispatched(1, 0);
    QCOMPARE(pacer.waitMs(1, 0), qint64(0));
    pacer.onDispatched(1, 0);
    const qint64 wait = pacer.waitMs(1, 0);
    QVERIFY(wait >= 1000 && wait <= 1001);
    pacer.onDispatched(1, 0); // sent anyway (a retry, a race): the debt lengthens the wait
    QVERIFY(pacer.waitMs(1, 0) >= 2000);
}

void TestRatePacer::serverMirrorTokens()
{
    RatePacer pacer;
    pacer.onResponse(tokenHeaders(60000, 0, 2000), 0); // 1 token per ms, bucket of 1000
    QCOMPARE(pacer.waitMs(0, 0), qint64(0));
    QCOMPARE(pacer.waitMs(400, 0), qint64(400));
    QCOMPARE(pacer.waitMs(5000, 0), qint64(1000)); // larger than the bucket: waits for full
    QCOMPARE(pacer.waitMs(400, 400), qint64(0));
    pacer.onDispatched(400, 400);
    QCOMPARE(pacer.waitMs(400, 400), qint64(400));
}

void TestRatePacer::serverMirrorNeedsLimitAndRemaining()
{
    RatePacer pacer;
    RateLimitInfo onlyRemaining;
    onlyRemaining.requestsRemaining = 0;
    onlyRemaining.tokensRemaining = 0;
    onlyRemaining.requestsResetMs = 60000;
    pacer.onResponse(onlyRemaining, 0);
    QCOMPARE(pacer.waitMs(1000, 0), qint64(0));

    RateLimitInfo onlyLimit;
    onlyLimit.requestLimit = 60;
    onlyLimit.tokenLimit = 1000;
    pacer.onResponse(onlyLimit, 0);
    QCOMPARE(burst(pacer, 1000, 0, 500), 500);
}

void TestRatePacer::serverMirrorIgnoresNonPositiveLimit()
{
    RatePacer pacer;
    pacer.onResponse(requestHeaders(-1, -1, std::nullopt), 0); // Azure's "unknown"
    pacer.onResponse(tokenHeaders(0, 0, 1000), 0);
    QCOMPARE(pacer.waitMs(1000, 0), qint64(0));
    QCOMPARE(burst(pacer, 1000, 0, 500), 500);
}

void TestRatePacer::staleHeadersNeverRefillMirror()
{
    // Answers written before our latest requests reached the server still report the older,
    // higher remaining: they must not give back what was just spent.
    RatePacer pacer;
    pacer.onResponse(requestHeaders(60, 0, 60000), 0);
    QVERIFY(pacer.waitMs(1, 0) > 0);
    pacer.onResponse(requestHeaders(60, 30, 30000), 10);
    const qint64 wait = pacer.waitMs(1, 10);
    const qint64 refill = 1000 * (1 + Spare) - 10; // at 1 request/s, counted from empty at 0 ms
    QVERIFY2(wait >= refill - 1 && wait <= refill + 1, qPrintable(QString::number(wait)));
}

void TestRatePacer::lowerHeadersDrainMirror()
{
    RatePacer pacer;
    pacer.onResponse(requestHeaders(60, 30, 30000), 0);
    QCOMPARE(burst(pacer, 1, 0, 5), 5);
    pacer.onResponse(requestHeaders(60, 3, 30000), 0); // others share the key: the server knows
    QCOMPARE(burst(pacer, 1, 0), 3 - Spare);
    pacer.onResponse(requestHeaders(60, -1, 30000), 0); // never below empty
    const qint64 wait = pacer.waitMs(1, 0);
    QVERIFY2(wait >= 1000 * Spare && wait <= 1000 * (1 + Spare) + 1, qPrintable(QString::number(wait)));
}

void TestRatePacer::waitIsTheLongestOfAll()
{
    RatePacer pacer;
    pacer.setBudgets(600, 60000, 0);
    pacer.onDispatched(1000, 0); // token budget: 1000 ms to refill
    QCOMPARE(pacer.waitMs(1000, 0), qint64(1000));
    pacer.onResponse(requestHeaders(20, 0, 3000), 0); // server: 3000 ms for one request
    QCOMPARE(pacer.waitMs(1000, 0), qint64(3000));
    pacer.coolDown(7000, 0);
    QCOMPARE(pacer.waitMs(1000, 0), qint64(7000));
    QCOMPARE(pacer.waitMs(1000, 7000), qint64(0));
}

QTEST_GUILESS_MAIN(TestRatePacer)
#include "tst_ratepacer.moc"
