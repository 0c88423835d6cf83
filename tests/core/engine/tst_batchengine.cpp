// Drives the real engine against the real simulator over loopback HTTP: no mocked network.
#include "enginetestkit.h"

#include "core/sim/simanswer.h"
#include "core/sim/simhash.h"

#include <QFile>
#include <QJsonArray>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Salvo;
using namespace Salvo::TestKit;

class TestBatchEngine : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void answersEveryItemExactlyOnceInOrder();
    void holdsTheCapOnTheWire_data();
    void holdsTheCapOnTheWire();
    void followsCapChangesWhileRunning();
    void reportsLiveMetrics();
    void recoversFromEachFault_data();
    void recoversFromEachFault();
    void pacesUnderServerRateLimit();
    void longWaitStopsTheRun();
    void rejectedKeyStopsTheRunOnce();
    void untrustedCertificateStopsTheRunOnce();
    void unreachableServerStopsTheRun();
    void exhaustedQuotaIsNotRetried();
    void badRequestFailsOnlyThatItem();
    void pauseAndResumeLoseNothing();
    void cancelLetsInFlightFinish();
    void stopsAtTheSpendCap();
    void spendCapCountsUnreadableAnswers();
    void spendCapNeedsThePrice();
    void keyNeverReachesTheRunFile();
    void retryFailedResendsOnlyFailures();
    void retryFailedGivesFullRetries();

private:
    QString runPath(const QString &name) { return m_dir.filePath(name + u".salvo"_s); }
    QTemporaryDir m_dir;
};

void TestBatchEngine::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

void TestBatchEngine::answersEveryItemExactlyOnceInOrder()
{
    SimConfig sim = simConfig(10);
    sim.jitter = 0.5; // answers come back out of order; results must not
    SimHost host;
    auto url = host.start(sim);
    QVERIFY(url);

    RunConfig config;
    config.maxInFlight = 25;
    config.maxTokens = 40;
    const QString path = runPath(u"order"_s);
    QVERIFY(makeRun(path, 300, config));
    {
        EngineRun run;
        run.start(path, url.value());
        QVERIFY(run.waitDone());
        QCOMPARE(run.finished.size(), 1);
        QCOMPARE(run.finalMetrics().ok, 300);
    }
    auto store = RunStore::open(path);
    QVERIFY(store);
    const QList<ItemResult> results = store.value()->results(0, 1000);
    QCOMPARE(results.size(), 300);
    for (qsizetype i = 0; i < results.size(); ++i) {
        const ItemResult &result = results.at(i);
        QCOMPARE(result.idx, i);
        QCOMPARE(result.state, ItemState::Ok);
        const QByteArray prompt = SimAnswer::promptText(QString(), {promptFor(i)});
        const int tokens = std::min(SimAnswer::naturalOutputTokens(prompt, sim), config.maxTokens);
        QCOMPARE(result.output, SimAnswer::answerText(prompt, tokens));
        QCOMPARE(result.outputTokens, tokens);
        QCOMPARE(result.inputTokens, SimAnswer::inputTokens(prompt, 1));
        QCOMPARE(result.attempts, 1);
        QVERIFY(result.costUsd > 0);
    }
    const QJsonObject stats = simStats(url.value());
    QCOMPARE(stats.value(u"answers"_s).toInteger(), 300);
    QCOMPARE(stats.value(u"duplicate_answers"_s).toInteger(), 0);
}

void TestBatchEngine::holdsTheCapOnTheWire_data()
{
    QTest::addColumn<QString>("protocol");
    QTest::addColumn<int>("cap");
    for (const QString &protocol : {u"http1"_s, u"h2c"_s, u"h2tls"_s}) {
        for (int cap : {1, 6, 7, 100, 500})
            QTest::addRow("%s cap %d", qPrintable(protocol), cap) << protocol << cap;
    }
}

void TestBatchEngine::holdsTheCapOnTheWire()
{
    QFETCH(QString, protocol);
    QFETCH(int, cap);
    SimConfig sim = simConfig(cap == 1 ? 20 : 300);
    QVERIFY(sim.applyOption(u"proto"_s, protocol));
    sim.h2MaxStreams = 100;
    const bool tls = protocol == u"h2tls"_s;
    if (tls)
        sim.certPath = runPath(u"sim-cert-%1"_s.arg(cap)) + u".pem"_s;
    talkH2c() = protocol == u"h2c"_s;
    trustedCertificate() = tls ? sim.certPath : QString();
    SimHost host;
    auto url = host.start(sim);
    QVERIFY(url);
    QCOMPARE(url.value().scheme(), tls ? u"https"_s : u"http"_s);

    RunConfig config;
    config.maxInFlight = cap;
    // Over TLS, HTTP/2 is what ALPN agrees on (Auto), as with the real services.
    config.httpMode = protocol == u"h2c"_s ? HttpMode::H2c
        : tls                              ? HttpMode::Auto
                                           : HttpMode::Http1;
    config.caCertPath = tls ? sim.certPath : QString();
    config.http2Streams = 100;
    const qint64 items = std::max(3 * cap, 30);
    const QString path = runPath(u"cap-%1-%2"_s.arg(protocol).arg(cap));
    QVERIFY(makeRun(path, items, config));
    EngineRun run;
    run.start(path, url.value());
    QVERIFY(run.waitDone());
    QCOMPARE(run.finalMetrics().ok, items);
    const QJsonObject stats = simStats(url.value());
    // Counted by the server: requests actually on the wire, never more, and the cap reached.
    // (The h2tls simulator speaks nothing but HTTP/2, so every answer there came over it.)
    QCOMPARE(stats.value(u"max_in_flight"_s).toInt(), cap);
    QCOMPARE(stats.value(u"requests"_s).toInteger(), items);
}

void TestBatchEngine::init()
{
    talkH2c() = false;
    trustedCertificate().clear();
}

void TestBatchEngine::followsCapChangesWhileRunning()
{
    SimHost host;
    auto url = host.start(simConfig(400));
    QVERIFY(url);
    RunConfig config;
    config.maxInFlight = 10;
    const QString path = runPath(u"live-cap"_s);
    QVERIFY(makeRun(path, 1500, config));
    EngineRun run;
    run.start(path, url.value());

    auto inFlight = [&] { return simStats(url.value()).value(u"in_flight"_s).toInt(); };
    QTRY_COMPARE_WITH_TIMEOUT(inFlight(), 10, 10000);
    run.host.setMaxInFlight(60);
    QTRY_COMPARE_WITH_TIMEOUT(inFlight(), 60, 10000);
    QCOMPARE(simStats(url.value()).value(u"max_in_flight"_s).toInt(), 60);

    run.host.setMaxInFlight(5);
    // Nothing in flight is aborted: the count falls as answers arrive, and stays at the cap.
    QTRY_VERIFY_WITH_TIMEOUT(inFlight() <= 5, 10000);
    simReset(url.value());
    QTRY_VERIFY_WITH_TIMEOUT(simStats(url.value()).value(u"requests"_s).toInt() >= 20, 10000);
    QCOMPARE(simStats(url.value()).value(u"max_in_flight"_s).toInt(), 5);
    QCOMPARE(simStats(url.value()).value(u"responses"_s).toObject().value(u"499"_s).toInt(), 0);
    run.host.cancel();
    QVERIFY(run.waitDone());
}

void TestBatchEngine::reportsLiveMetrics()
{
    SimHost host;
    auto url = host.start(simConfig(200));
    QVERIFY(url);
    RunConfig config;
    config.maxInFlight = 10; // 10 requests of 200 ms at a time: 50 answers a second
    const QString path = runPath(u"metrics"_s);
    QVERIFY(makeRun(path, 300, config));
    EngineRun run;
    QSignalSpy live(&run.host, &EngineHost::metricsUpdated);
    QElapsedTimer clock;
    clock.start();
    run.start(path, url.value());
    QVERIFY(run.waitDone());
    const double seconds = double(clock.elapsed()) / 1000.0;
    QVERIFY2(double(live.size()) >= 4 * (seconds - 0.5),
             qPrintable(u"%1 updates in %2 s"_s.arg(live.size()).arg(seconds)));

    // Halfway through, the figures describe the run as the server sees it.
    EngineMetrics mid;
    for (const QList<QVariant> &signal : std::as_const(live)) {
        const auto m = signal.first().value<EngineMetrics>();
        if (m.state == RunState::Running && m.ok >= 120 && m.ok <= 200) {
            mid = m;
            break;
        }
    }
    QVERIFY2(mid.ok > 0, "no update halfway through");
    QCOMPARE(mid.total, 300);
    QCOMPARE(mid.cap, 10);
    QVERIFY(mid.inFlight > 0 && mid.inFlight <= 10);
    QCOMPARE(mid.queued + mid.inFlight + mid.waitingRetry + mid.ok + mid.failed + mid.cancelled,
             mid.total);
    const QString figures = u"%1/s, p50 %2 ms, p95 %3 ms, eta %4 s"_s.arg(mid.completedPerSecond)
                                .arg(mid.latencyP50Ms).arg(mid.latencyP95Ms).arg(mid.etaSeconds);
    QVERIFY2(mid.completedPerSecond > 25 && mid.completedPerSecond < 60, qPrintable(figures));
    QVERIFY2(mid.latencyP50Ms >= 195 && mid.latencyP50Ms < 400, qPrintable(figures));
    QVERIFY2(mid.latencyP95Ms >= mid.latencyP50Ms && mid.latencyP95Ms < 1000, qPrintable(figures));
    const double remaining = double(mid.total - mid.ok);
    QVERIFY2(mid.etaSeconds > remaining / 60 && mid.etaSeconds < remaining / 25, qPrintable(figures));
    QVERIFY(mid.inputTokens > 0 && mid.outputTokens > 0 && mid.costUsd > 0);
    QCOMPARE(mid.rateLimitedPerSecond, 0.0);

    const EngineMetrics end = run.finalMetrics();
    QCOMPARE(end.ok, 300);
    QCOMPARE(end.etaSeconds, 0.0);
    QCOMPARE(end.inFlight, 0);
    QCOMPARE(end.requestsSent, 300);
    QVERIFY(end.costUsd > mid.costUsd);
}

void TestBatchEngine::recoversFromEachFault_data()
{
    QTest::addColumn<QString>("fault");
    QTest::addColumn<QString>("protocol");
    for (const QString &protocol : {u"http1"_s, u"h2c"_s}) {
        for (const QString &fault : {u"p500"_s, u"p503"_s, u"p529"_s, u"p408"_s, u"p-reset"_s,
                                     u"p-malformed"_s, u"p-truncated"_s, u"p-hang"_s}) {
            QTest::addRow("%s %s", qPrintable(fault), qPrintable(protocol)) << fault << protocol;
        }
    }
}

void TestBatchEngine::recoversFromEachFault()
{
    QFETCH(QString, fault);
    QFETCH(QString, protocol);
    SimConfig sim = simConfig(30);
    QVERIFY(sim.applyOption(fault, u"0.25"_s));
    QVERIFY(sim.applyOption(u"proto"_s, protocol));
    talkH2c() = protocol == u"h2c"_s;
    sim.seed = 7;
    SimHost host;
    auto url = host.start(sim);
    QVERIFY(url);

    RunConfig config;
    config.maxInFlight = 24;
    config.maxRetries = 12;
    config.timeoutMs = 1500; // hung requests are abandoned and sent again
    config.backoffBaseMs = 20;
    config.backoffCapMs = 200;
    config.httpMode = protocol == u"h2c"_s ? HttpMode::H2c : HttpMode::Http1;
    const QString path = runPath(u"fault-%1-%2"_s.arg(fault, protocol));
    QVERIFY(makeRun(path, 200, config));
    EngineRun run;
    run.start(path, url.value());
    QVERIFY(run.waitDone());
    const EngineMetrics metrics = run.finalMetrics();
    QCOMPARE(metrics.ok, 200);
    QCOMPARE(metrics.failed, 0);
    QVERIFY(metrics.retriesTotal > 0);

    const QJsonObject stats = simStats(url.value());
    QVERIFY2(stats.value(u"faults"_s).toObject().size() > 0, "the fault was never injected");
    // A fault is never an answer, so nothing was paid for twice.
    QCOMPARE(stats.value(u"duplicate_answers"_s).toInteger(), 0);
    QCOMPARE(stats.value(u"answers"_s).toInteger(), 200);

    auto store = RunStore::open(path);
    QVERIFY(store);
    bool sawRetry = false;
    for (const ItemResult &result : store.value()->results(0, 1000)) {
        QCOMPARE(result.state, ItemState::Ok);
        if (result.attempts > 1) {
            sawRetry = true;
            const QList<AttemptRecord> attempts = store.value()->attempts(result.idx);
            QCOMPARE(attempts.size(), result.attempts);
            QVERIFY(!attempts.first().errorType.isEmpty());
            QVERIFY(!attempts.first().message.isEmpty());
            QVERIFY(attempts.last().errorType.isEmpty());
            if (fault == u"p-hang"_s) {
                // Abandoned by the sender's own deadline, after the timeout and not much later.
                const AttemptRecord &hung = attempts.first();
                QCOMPARE(hung.errorType, u"timeout"_s);
                QVERIFY2(hung.latencyMs >= config.timeoutMs - 50 && hung.latencyMs < 4000,
                         qPrintable(QString::number(hung.latencyMs)));
            }
        }
    }
    QVERIFY(sawRetry);
}

void TestBatchEngine::pacesUnderServerRateLimit()
{
    SimConfig sim = simConfig(200);
    sim.rpm = 1200;         // 20 per second
    sim.bucketSeconds = 1;  // burst 20
    SimHost host;
    auto url = host.start(sim);
    QVERIFY(url);
    RunConfig config;
    config.maxInFlight = 60;
    const QString path = runPath(u"rate"_s);
    QVERIFY(makeRun(path, 150, config));
    EngineRun run;
    run.start(path, url.value());
    QVERIFY(run.waitDone());
    QCOMPARE(run.finalMetrics().ok, 150);
    const QJsonObject stats = simStats(url.value());
    const int requests = stats.value(u"requests"_s).toInt();
    const int limited = stats.value(u"responses"_s).toObject().value(u"429"_s).toInt();
    // Only the first wave, sent before any rate-limit header was seen, may bounce.
    QVERIFY2(limited <= config.maxInFlight - 20 + 8,
             qPrintable(u"%1 of %2 requests were rate-limited"_s.arg(limited).arg(requests)));
    QCOMPARE(stats.value(u"duplicate_answers"_s).toInteger(), 0);
}

void TestBatchEngine::longWaitStopsTheRun()
{
    SimConfig sim = simConfig(20);
    sim.rpm = 0.05; // one request every 20 minutes, as a daily limit feels
    SimHost host;
    auto url = host.start(sim);
    QVERIFY(url);
    RunConfig config;
    config.maxInFlight = 3;
    const QString path = runPath(u"long-wait"_s);
    QVERIFY(makeRun(path, 5, config));
    EngineRun run;
    run.start(path, url.value());
    QVERIFY(run.waitDone(30000));
    QCOMPARE(run.halted.size(), 1);
    QCOMPARE(run.haltReason(), PauseReason::RateLimit);
    QVERIFY2(run.haltMessage().contains(u"20 minute"_s),
             qPrintable(run.haltMessage()));
    // Those refused in the first wave are not retried within the minute, let alone failed (the
    // two items not yet sent may have gone out had the answer come before the refusals).
    const int requests = simStats(url.value()).value(u"requests"_s).toInt();
    QVERIFY2(requests >= 3 && requests <= 5, qPrintable(QString::number(requests)));
    auto store = RunStore::open(path);
    QVERIFY(store);
    QCOMPARE(store.value()->counts().ok, 1);
    QCOMPARE(store.value()->counts().failed, 0);
}

void TestBatchEngine::rejectedKeyStopsTheRunOnce()
{
    SimConfig sim = simConfig(50);
    sim.apiKey = u"the-right-key"_s;
    SimHost host;
    auto url = host.start(sim);
    QVERIFY(url);
    RunConfig config;
    config.maxInFlight = 8;
    const QString path = runPath(u"bad-key"_s);
    QVERIFY(makeRun(path, 500, config));
    {
        EngineRun run;
        run.start(path, url.value(), "a-wrong-key");
        QVERIFY(run.waitDone());
        QCOMPARE(run.halted.size(), 1);
        QCOMPARE(run.haltReason(), PauseReason::ApiKey);
        QVERIFY(run.finished.isEmpty());
    }
    const QJsonObject stats = simStats(url.value());
    // One wave at most, not one 401 per item.
    QVERIFY(stats.value(u"requests"_s).toInt() <= config.maxInFlight);
    auto store = RunStore::open(path);
    QVERIFY(store);
    const ItemCounts counts = store.value()->counts();
    QCOMPARE(counts.failed, 0);
    QCOMPARE(counts.queued, 500); // all still to do once the key is fixed

    // With the right key the same file finishes.
    EngineRun again;
    again.start(path, url.value(), "the-right-key");
    QVERIFY(again.waitDone());
    QCOMPARE(again.finalMetrics().ok, 500);
}

void TestBatchEngine::untrustedCertificateStopsTheRunOnce()
{
    SimConfig sim = simConfig(10);
    QVERIFY(sim.applyOption(u"proto"_s, u"h2tls"_s));
    sim.certPath = runPath(u"untrusted-cert"_s) + u".pem"_s;
    SimHost host;
    auto url = host.start(sim);
    QVERIFY(url);
    RunConfig config;
    config.maxInFlight = 8;
    const QString path = runPath(u"untrusted"_s);
    QVERIFY(makeRun(path, 200, config));
    {
        EngineRun run;
        run.start(path, url.value());
        QVERIFY(run.waitDone());
        QCOMPARE(run.halted.size(), 1);
        QCOMPARE(run.haltReason(), PauseReason::Tls);
        QVERIFY(run.haltMessage().contains(u"--ca-cert"_s));
    }
    {
        auto store = RunStore::open(path);
        QVERIFY(store);
        QCOMPARE(store.value()->counts().failed, 0);
        QCOMPARE(store.value()->counts().queued, 200); // nothing is lost to a setup mistake
        // Trusting the simulator's certificate, the same file finishes.
        config.caCertPath = sim.certPath;
        QVERIFY(store.value()->setConfig(config.toJson()));
    }
    EngineRun again;
    again.start(path, url.value());
    QVERIFY(again.waitDone());
    QCOMPARE(again.finalMetrics().ok, 200);
}

void TestBatchEngine::unreachableServerStopsTheRun()
{
    // A port that was just free: connections to it are refused.
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    QUrl url(u"http://127.0.0.1:%1"_s.arg(probe.serverPort()));
    probe.close();
    RunConfig config;
    config.maxInFlight = 4;
    config.backoffBaseMs = 10;
    config.backoffCapMs = 20;
    const QString path = runPath(u"unreachable"_s);
    QVERIFY(makeRun(path, 500, config));
    EngineRun run;
    run.start(path, url);
    QVERIFY(run.waitDone(30000));
    QCOMPARE(run.halted.size(), 1);
    QCOMPARE(run.haltReason(), PauseReason::Unreachable);
    QVERIFY(run.haltMessage().contains(url.toString()));
    auto store = RunStore::open(path);
    QVERIFY(store);
    // Ten refusals in a row, plus those already on their way: the batch is kept whole.
    const ItemCounts counts = store.value()->counts();
    QCOMPARE(counts.failed, 0);
    QCOMPARE(counts.queued, 500);
    qint64 attempts = 0;
    for (const ItemResult &result : store.value()->results(0, 500))
        attempts += result.attempts;
    QVERIFY2(attempts >= 10 && attempts < 10 + config.maxInFlight,
             qPrintable(QString::number(attempts)));
}

void TestBatchEngine::exhaustedQuotaIsNotRetried()
{
    SimConfig sim = simConfig(20);
    sim.quotaAfter = 30;
    SimHost host;
    auto url = host.start(sim);
    QVERIFY(url);
    RunConfig config;
    config.maxInFlight = 5;
    const QString path = runPath(u"quota"_s);
    QVERIFY(makeRun(path, 200, config));
    EngineRun run;
    run.start(path, url.value());
    QVERIFY(run.waitDone());
    QCOMPARE(run.halted.size(), 1);
    QCOMPARE(run.haltReason(), PauseReason::Quota);
    const QJsonObject stats = simStats(url.value());
    const int quota429 = stats.value(u"responses"_s).toObject().value(u"429"_s).toInt();
    QVERIFY(quota429 >= 1);
    QVERIFY(quota429 <= config.maxInFlight); // the wave in flight, never a retry
    auto store = RunStore::open(path);
    QVERIFY(store);
    // The simulator checks the quota when a request arrives, so requests admitted while the
    // 30th answer was still on its way are answered too: at most a wave beyond the quota.
    const qint64 ok = store.value()->counts().ok;
    QVERIFY2(ok >= 30 && ok < 30 + config.maxInFlight, qPrintable(QString::number(ok)));
    QCOMPARE(store.value()->counts().failed, 0);
}

void TestBatchEngine::badRequestFailsOnlyThatItem()
{
    SimHost host;
    auto url = host.start(simConfig(10));
    QVERIFY(url);
    RunConfig config;
    config.maxInFlight = 10;
    config.temperature = 3.0; // out of Anthropic's range: a 400 for every item, never retried
    const QString path = runPath(u"bad-request"_s);
    QVERIFY(makeRun(path, 40, config));
    EngineRun run;
    run.start(path, url.value());
    QVERIFY(run.waitDone());
    QCOMPARE(run.finalMetrics().failed, 40);
    QCOMPARE(simStats(url.value()).value(u"requests"_s).toInt(), 40);
    auto store = RunStore::open(path);
    QVERIFY(store);
    const ItemResult result = store.value()->result(7);
    QCOMPARE(result.state, ItemState::Failed);
    QCOMPARE(result.httpStatus, 400);
    QCOMPARE(result.errorType, u"invalid_request_error"_s);
    QVERIFY(result.error.contains(u"temperature"_s));
    QCOMPARE(result.attempts, 1);
}

void TestBatchEngine::pauseAndResumeLoseNothing()
{
    SimHost host;
    auto url = host.start(simConfig(100));
    QVERIFY(url);
    RunConfig config;
    config.maxInFlight = 10;
    const QString path = runPath(u"pause"_s);
    QVERIFY(makeRun(path, 300, config));
    EngineRun run;
    QSignalSpy metrics(&run.host, &EngineHost::metricsUpdated);
    run.start(path, url.value());
    QTRY_VERIFY_WITH_TIMEOUT(simStats(url.value()).value(u"answers"_s).toInt() >= 30, 20000);
    run.host.pause();
    QTRY_COMPARE_WITH_TIMEOUT(simStats(url.value()).value(u"in_flight"_s).toInt(), 0, 10000);
    const int sentWhilePaused = simStats(url.value()).value(u"requests"_s).toInt();
    QVERIFY(sentWhilePaused < 300);
    metrics.clear();
    QVERIFY(metrics.wait(2000)); // the engine keeps reporting while paused
    QCOMPARE(metrics.last().first().value<EngineMetrics>().state, RunState::Paused);
    QCOMPARE(simStats(url.value()).value(u"requests"_s).toInt(), sentWhilePaused);
    run.host.resume();
    QVERIFY(run.waitDone());
    QCOMPARE(run.finalMetrics().ok, 300);
    QCOMPARE(simStats(url.value()).value(u"requests"_s).toInt(), 300);
    QCOMPARE(simStats(url.value()).value(u"duplicate_answers"_s).toInt(), 0);
}

void TestBatchEngine::cancelLetsInFlightFinish()
{
    SimHost host;
    auto url = host.start(simConfig(600));
    QVERIFY(url);
    RunConfig config;
    config.maxInFlight = 20;
    const QString path = runPath(u"cancel"_s);
    QVERIFY(makeRun(path, 400, config));
    EngineRun run;
    QSignalSpy live(&run.host, &EngineHost::metricsUpdated);
    run.start(path, url.value());
    QTRY_VERIFY_WITH_TIMEOUT(simStats(url.value()).value(u"answers"_s).toInt() >= 40, 20000);
    run.host.cancel();
    QVERIFY(run.waitDone());
    // While the last answers come in, those items are in flight, not yet cancelled.
    int whileCancelling = 0;
    for (const QList<QVariant> &signal : std::as_const(live)) {
        const auto m = signal.first().value<EngineMetrics>();
        if (m.state != RunState::Cancelling)
            continue;
        ++whileCancelling;
        QVERIFY2(m.ok + m.failed + m.cancelled + m.inFlight <= m.total,
                 qPrintable(u"%1 ok, %2 cancelled, %3 in flight"_s.arg(m.ok).arg(m.cancelled)
                                .arg(m.inFlight)));
    }
    QVERIFY(whileCancelling > 0);
    const EngineMetrics metrics = run.finalMetrics();
    QCOMPARE(metrics.ok + metrics.cancelled, 400);
    QCOMPARE(metrics.failed, 0);
    const QJsonObject stats = simStats(url.value());
    // Everything the server answered was kept: paid-for answers are never thrown away.
    QCOMPARE(stats.value(u"answers"_s).toInt(), metrics.ok);
    QCOMPARE(stats.value(u"in_flight"_s).toInt(), 0);
}

void TestBatchEngine::stopsAtTheSpendCap()
{
    SimHost host;
    auto url = host.start(simConfig(20));
    QVERIFY(url);
    RunConfig config;
    config.maxInFlight = 4;
    config.maxTokens = 1000;   // salvo-sim is priced $1/$5 per million: ≤ $0.005 per item
    config.spendCapUsd = 0.05;
    const QString path = runPath(u"spend"_s);
    QVERIFY(makeRun(path, 200, config));
    EngineRun run;
    run.start(path, url.value());
    QVERIFY(run.waitDone());
    QCOMPARE(run.halted.size(), 1);
    QCOMPARE(run.haltReason(), PauseReason::SpendCap);
    auto store = RunStore::open(path);
    QVERIFY(store);
    const ItemCounts counts = store.value()->counts();
    QVERIFY(counts.ok >= 9);
    QVERIFY(counts.costUsd <= config.spendCapUsd);
    QCOMPARE(counts.ok, simStats(url.value()).value(u"answers"_s).toInt());
}

void TestBatchEngine::spendCapCountsUnreadableAnswers()
{
    SimConfig sim = simConfig(20);
    sim.pMalformed = 1.0; // answered, so possibly billed, but never readable
    SimHost host;
    auto url = host.start(sim);
    QVERIFY(url);
    RunConfig config;
    config.maxInFlight = 4;
    config.maxRetries = 50;
    config.backoffBaseMs = 10;
    config.backoffCapMs = 20;
    config.maxTokens = 1000; // about $0.005 at worst for each attempt
    config.spendCapUsd = 0.05;
    const QString path = runPath(u"spend-unreadable"_s);
    QVERIFY(makeRun(path, 100, config));
    EngineRun run;
    run.start(path, url.value());
    QVERIFY(run.waitDone());
    QCOMPARE(run.halted.size(), 1);
    QCOMPARE(run.haltReason(), PauseReason::SpendCap);
    QVERIFY(run.haltMessage().contains(u"worst case"_s));
    // Each attempt is counted at its worst case, so the cap stops them after about ten.
    const int requests = simStats(url.value()).value(u"requests"_s).toInt();
    QVERIFY2(requests >= 8 && requests <= 10, qPrintable(QString::number(requests)));
}

void TestBatchEngine::spendCapNeedsThePrice()
{
    SimHost host;
    auto url = host.start(simConfig(5));
    QVERIFY(url);
    RunConfig config;
    config.model = u"a-model-without-a-price"_s;
    config.spendCapUsd = 1.0;
    const QString path = runPath(u"spend-unpriced"_s);
    QVERIFY(makeRun(path, 10, config));
    EngineRun run;
    run.start(path, url.value());
    QTRY_COMPARE_WITH_TIMEOUT(run.failed.size(), 1, 10000);
    QVERIFY(run.failed.first().first().toString().contains(u"a-model-without-a-price"_s));
    QCOMPARE(simStats(url.value()).value(u"requests"_s).toInt(), 0);
}

void TestBatchEngine::keyNeverReachesTheRunFile()
{
    SimHost host;
    auto url = host.start(simConfig(5));
    QVERIFY(url);
    RunConfig config;
    const QString path = runPath(u"secret"_s);
    QVERIFY(makeRun(path, 50, config));
    const QByteArray key = "sk-ant-api03-VERY-SECRET-0123456789";
    {
        EngineRun run;
        run.start(path, url.value(), key);
        QVERIFY(run.waitDone());
    }
    for (const QString &file : {path, path + u"-wal"_s, path + u"-shm"_s}) {
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QByteArray bytes = f.readAll();
        QVERIFY2(!bytes.contains(key), qPrintable(file));
        QVERIFY2(!bytes.contains("VERY-SECRET"), qPrintable(file));
    }
}

void TestBatchEngine::retryFailedResendsOnlyFailures()
{
    SimConfig sim = simConfig(10);
    sim.p500 = 1.0; // every attempt fails at first
    SimHost host;
    auto url = host.start(sim);
    QVERIFY(url);
    RunConfig config;
    config.maxInFlight = 10;
    config.maxRetries = 1;
    config.backoffBaseMs = 10;
    config.backoffCapMs = 20;
    const QString path = runPath(u"retry-failed"_s);
    QVERIFY(makeRun(path, 30, config));
    EngineRun run;
    run.start(path, url.value());
    QVERIFY(run.waitDone());
    QCOMPARE(run.finalMetrics().failed, 30);
    QCOMPARE(simStats(url.value()).value(u"requests"_s).toInt(), 60);

    // The server recovers; "retry failed" sends the 30 again, and only them. Its answers are
    // slow enough (3 rounds of 400 ms) for the live metrics to tick during the second round.
    QUrl configUrl = url.value();
    configUrl.setPath(u"/config"_s);
    httpRequest(configUrl, "POST", R"({"p500": 0, "latency-ms": 400})");
    run.finished.clear();
    QSignalSpy metrics(&run.host, &EngineHost::metricsUpdated);
    QSignalSpy updates(&run.host, &EngineHost::itemsUpdated);
    run.host.retryFailed();
    QTRY_VERIFY_WITH_TIMEOUT(!run.finished.isEmpty(), 20000);
    QCOMPARE(run.finalMetrics().ok, 30);
    // The shells hear about the second round as they did about the first.
    QVERIFY(metrics.size() >= 2); // at least one while running, and the final one
    QCOMPARE(metrics.first().first().value<EngineMetrics>().state, RunState::Running);
    QVERIFY(!updates.isEmpty());
    QCOMPARE(simStats(url.value()).value(u"requests"_s).toInt(), 90);
}

void TestBatchEngine::retryFailedGivesFullRetries()
{
    SimConfig sim = simConfig(5);
    sim.p500 = 1.0;
    SimHost host;
    auto url = host.start(sim);
    QVERIFY(url);
    RunConfig config;
    config.maxInFlight = 10;
    config.maxRetries = 2;
    config.backoffBaseMs = 10;
    config.backoffCapMs = 20;
    const QString path = runPath(u"retry-budget"_s);
    QVERIFY(makeRun(path, 20, config));
    EngineRun run;
    run.start(path, url.value());
    QVERIFY(run.waitDone());
    QCOMPARE(run.finalMetrics().failed, 20);
    QCOMPARE(simStats(url.value()).value(u"requests"_s).toInt(), 60);

    // Asked to retry, each item gets its retries again, not one last attempt.
    run.finished.clear();
    run.host.retryFailed();
    QTRY_VERIFY_WITH_TIMEOUT(!run.finished.isEmpty(), 20000);
    QCOMPARE(run.finalMetrics().failed, 20);
    QCOMPARE(simStats(url.value()).value(u"requests"_s).toInt(), 120);
    auto store = RunStore::open(path);
    QVERIFY(store);
    const ItemResult result = store.value()->result(3);
    QCOMPARE(result.attempts, 6);
    // Every attempt keeps its own record: the second round numbers on from the first.
    const QList<AttemptRecord> attempts = store.value()->attempts(3);
    QCOMPARE(attempts.size(), 6);
    for (int i = 0; i < attempts.size(); ++i)
        QCOMPARE(attempts.at(i).number, i + 1);
}

QTEST_GUILESS_MAIN(TestBatchEngine)
#include "tst_batchengine.moc"
