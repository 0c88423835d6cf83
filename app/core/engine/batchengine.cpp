#include "core/engine/batchengine.h"

#include "core/providers/apirequest.h"
#include "core/providers/apiresponse.h"
#include "core/store/runstore.h"

#include <QFile>
#include <QLocale>
#include <QLoggingCategory>
#include <QThread>
#include <QSslConfiguration>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcEngine, "salvo.engine")

namespace Salvo {

namespace {

constexpr int UpdateIntervalMs = 100;
// Refused or unresolved attempts in a row, with no HTTP answer between, that stop the run.
constexpr int UnreachableHaltCount = 10;
constexpr int MetricsIntervalMs = 200; // 5 Hz: at least 4 even when the thread is busy
constexpr qint64 RateWindowMs = 3000;
constexpr qint64 LatencyWindowMs = 30000;
constexpr size_t MaxLatencySamples = 5000;
// Commits are grouped over this long: short enough that a crash loses almost nothing that was
// received, long enough that a thousand answers a second cost a few transactions, not a thousand.
constexpr int FlushDelayMs = 5;
constexpr int FlushBatch = 512;

} // namespace

BatchEngine::BatchEngine(QObject *parent) : QObject(parent)
{
    m_clock.start();
    m_pumpTimer.setSingleShot(true);
    m_pumpTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_pumpTimer, &QTimer::timeout, this, &BatchEngine::pump);
    m_flushTimer.setSingleShot(true);
    connect(&m_flushTimer, &QTimer::timeout, this, [this] {
        flushStore();
        checkSettled();
    });
    m_updateTimer.setInterval(UpdateIntervalMs);
    connect(&m_updateTimer, &QTimer::timeout, this, &BatchEngine::emitUpdates);
    m_metricsTimer.setInterval(MetricsIntervalMs);
    connect(&m_metricsTimer, &QTimer::timeout, this, &BatchEngine::emitMetrics);
}

BatchEngine::~BatchEngine()
{
    // Whatever was received is paid for: keep it even when the engine is torn down mid-run.
    stopSenders();
    m_inFlight.clear();
    if (m_store && m_store->hasUnflushed())
        (void)m_store->flush();
}

void BatchEngine::start(const QString &runPath, const EngineSecrets &secrets,
                        const PriceTable &prices)
{
    auto opened = RunStore::open(runPath);
    if (!opened) {
        emit startFailed(opened.error());
        return;
    }
    m_store = opened.takeValue();
    auto config = RunConfig::fromJson(m_store->config());
    if (!config) {
        emit startFailed(tr("%1: %2").arg(runPath, config.error()));
        return;
    }
    m_config = config.takeValue();
    m_secrets = secrets;
    if (!secrets.baseUrlOverride.isEmpty())
        m_config.baseUrl = secrets.baseUrlOverride;
    m_price = prices.find(m_config.effectiveModel());
    if (m_config.spendCapUsd > 0 && !m_price) {
        // Priced at nothing, every request would pass the cap: refuse rather than spend blind.
        emit startFailed(unpricedCapMessage());
        return;
    }

    const QStringList columns = m_store->columns();
    auto parsed = PromptTemplate::forRun(m_config.promptTemplate, columns);
    if (!parsed) {
        emit startFailed(tr("The prompt template: %1").arg(parsed.error().message));
        return;
    }
    m_promptTemplate = parsed.takeValue();
    auto system = PromptTemplate::parse(m_config.systemTemplate, columns);
    if (!system) {
        emit startFailed(tr("The system prompt: %1").arg(system.error().message));
        return;
    }
    m_systemTemplate = system.takeValue();

    auto ssl = m_config.sslConfiguration();
    if (!ssl) {
        emit startFailed(ssl.error());
        return;
    }
    m_bodies = BodyTemplate(m_config);
    m_ssl = ssl.takeValue();
    m_request = ApiRequest::networkRequest(m_config, m_secrets.apiKey);
    startSenders();
    m_policy = std::make_unique<RetryPolicy>(m_config.maxRetries, m_config.backoffBaseMs,
                                             m_config.backoffCapMs);
    m_pacer.setBudgets(m_config.rpmBudget, m_config.tpmBudget, nowMs());
    m_cap = std::clamp(m_config.maxInFlight, 1, 100000);
    m_averageOutputTokens = m_config.maxTokens / 2.0;

    // Whatever a crash or a stop left in flight was not answered as far as this file knows.
    m_store->requeueUnfinished();
    m_counts = m_store->counts();
    m_costIncludingUncommitted = m_counts.costUsd;
    m_possiblyBilledUsd = 0;
    m_updateTimer.start();
    m_metricsTimer.start();
    emit started(m_counts.total);
    setState(RunState::Running);
    pump();
}

EngineMetrics BatchEngine::metrics() const
{
    EngineMetrics m;
    const qint64 now = nowMs();
    m.elapsedMs = now;
    m.state = m_state;
    m.pauseReason = m_pauseReason;
    auto perSecond = [now](const std::deque<qint64> &times) {
        const auto recent = std::count_if(times.begin(), times.end(),
                                          [now](qint64 t) { return now - t <= RateWindowMs; });
        const double window = double(std::min<qint64>(RateWindowMs, std::max<qint64>(now, 1)));
        return double(recent) * 1000.0 / window;
    };
    m.completedPerSecond = perSecond(m_completionTimes);
    m.rateLimitedPerSecond = perSecond(m_rateLimitTimes);
    m.inFlight = int(m_inFlight.size());
    m.cap = m_cap;
    m.waitingRetry = int(m_waiting.size());
    m.setCounts(m_counts);
    m.queued = std::max<qint64>(0, m.total - m.ok - m.failed - m.cancelled - m.inFlight
                                       - m.waitingRetry);
    m.requestsSent = m_requestsSent;
    m.rateLimitedTotal = m_rateLimitedTotal;
    m.retriesTotal = m_retriesTotal;
    std::vector<qint64> latencies;
    latencies.reserve(m_latencies.size());
    for (const auto &[at, latency] : m_latencies) {
        if (now - at <= LatencyWindowMs)
            latencies.push_back(latency);
    }
    if (!latencies.empty()) {
        auto percentile = [&latencies](double p) {
            const size_t k = std::min(latencies.size() - 1, size_t(p * double(latencies.size())));
            std::nth_element(latencies.begin(), latencies.begin() + qsizetype(k), latencies.end());
            return latencies[k];
        };
        m.latencyP50Ms = percentile(0.50);
        m.latencyP95Ms = percentile(0.95);
    }
    const qint64 remaining = m.total - m.ok - m.failed - m.cancelled;
    if (remaining == 0)
        m.etaSeconds = 0;
    else if (m.completedPerSecond > 0 && m_state == RunState::Running)
        m.etaSeconds = double(remaining) / m.completedPerSecond;
    return m;
}

void BatchEngine::setMaxInFlight(int cap)
{
    m_cap = std::clamp(cap, 1, 100000);
    // Raising starts requests at once; lowering starts none until in-flight falls below it.
    pump();
}

void BatchEngine::setSpendCap(double usd)
{
    m_config.spendCapUsd = std::max(0.0, usd);
    if (m_store) {
        (void)m_store->setConfig([this] {
            QJsonObject stored = m_store->config();
            stored.insert(u"spend_cap_usd"_s, m_config.spendCapUsd);
            return stored;
        }());
    }
}

void BatchEngine::pause()
{
    if (m_state == RunState::Running)
        setState(RunState::Paused, PauseReason::User, tr("Paused."));
}

void BatchEngine::resume()
{
    if (m_state != RunState::Paused || !m_store)
        return;
    m_haltAnnounced = false;
    setState(RunState::Running);
    pump();
}

void BatchEngine::cancel()
{
    if (!m_store)
        return;
    if (m_state == RunState::Cancelling) {
        for (auto it = m_inFlight.begin(); it != m_inFlight.end(); ++it) {
            RequestSender *sender = m_senders[it.value().sender].sender;
            const quint64 ticket = it.key();
            QMetaObject::invokeMethod(sender, [sender, ticket] { sender->abort(ticket); },
                                      Qt::QueuedConnection);
        }
        return;
    }
    if (m_state == RunState::Finished)
        return;
    setState(RunState::Cancelling, PauseReason::None, tr("Cancelling: waiting for the requests in flight."));
    m_pumpTimer.stop();
    for (const auto &[due, idx] : m_waiting) {
        Task &task = m_tasks[idx];
        task.result.state = ItemState::Cancelled;
        m_store->saveResult(task.result);
        m_uncommitted.append(task.result);
        m_tasks.erase(idx);
    }
    m_waiting.clear();
    for (qint64 idx : m_ready)
        m_tasks.erase(idx);
    m_ready.clear();
    flushStore();
    QList<qint64> inFlight;
    inFlight.reserve(m_inFlight.size());
    for (const Flight &flight : std::as_const(m_inFlight))
        inFlight.append(flight.idx);
    m_store->cancelQueued(inFlight);
    m_storeDrained = true;
    m_counts = m_store->counts();
    checkSettled();
}

void BatchEngine::retryFailed()
{
    if (!m_store)
        return;
    flushStore();
    m_store->requeueFailed();
    m_store->requeueCancelled();
    m_counts = m_store->counts();
    m_lastFetchedIdx = -1;
    m_storeDrained = false;
    m_haltAnnounced = false;
    if (m_senders.empty())
        startSenders();
    if (m_state != RunState::Running)
        setState(RunState::Running);
    // A finished run stopped its timers; the shells' progress and charts need them again.
    m_updateTimer.start();
    m_metricsTimer.start();
    pump();
}

void BatchEngine::setState(RunState state, PauseReason reason, const QString &message)
{
    m_state = state;
    m_pauseReason = reason;
    m_pauseMessage = message;
    emit stateChanged(state, reason, message);
}

void BatchEngine::halt(PauseReason reason, const QString &message)
{
    if (m_state == RunState::Paused && m_pauseReason == reason)
        return;
    qCInfo(lcEngine) << "halting:" << message;
    setState(RunState::Paused, reason, message);
    checkSettled();
}

void BatchEngine::schedulePump(qint64 delayMs)
{
    const int delay = int(std::clamp<qint64>(delayMs, 0, 24 * 3600 * 1000));
    if (!m_pumpTimer.isActive() || m_pumpTimer.remainingTime() > delay)
        m_pumpTimer.start(delay);
}

bool BatchEngine::refill()
{
    if (m_storeDrained)
        return false;
    // Results not yet committed still read as queued in the file: commit before reading it.
    flushStore();
    const int want = std::max(256, m_cap * 2);
    const QList<ItemRow> rows = m_store->queuedItems(m_lastFetchedIdx, want);
    if (rows.size() < want)
        m_storeDrained = true;
    bool added = false;
    for (const ItemRow &row : rows) {
        m_lastFetchedIdx = row.idx;
        if (m_tasks.count(row.idx))
            continue; // sent back by a stop and still held here
        Task task;
        task.row = row;
        task.prompt = m_promptTemplate.render(row.cells, row.idx);
        task.system = m_systemTemplate.render(row.cells, row.idx);
        task.estimatedInputTokens = ApiRequest::estimateTokens(task.system)
            + ApiRequest::estimateTokens(task.prompt) + 8;
        task.result.idx = row.idx;
        task.attemptsMade = row.attempts;
        m_tasks.emplace(row.idx, std::move(task));
        m_ready.push_back(row.idx);
        added = true;
    }
    return added;
}

qint64 BatchEngine::peekNext(qint64 nowMs)
{
    if (!m_waiting.empty() && m_waiting.begin()->first <= nowMs)
        return m_waiting.begin()->second;
    if (m_ready.empty())
        refill();
    if (!m_ready.empty())
        return m_ready.front();
    return -1;
}

QString BatchEngine::unpricedCapMessage() const
{
    return tr("The spend cap needs the price of the model \"%1\", which the price table does not "
              "know. Add it to the price file, or remove the cap.")
        .arg(m_config.effectiveModel());
}

double BatchEngine::worstCost(const Task &task) const
{
    return m_price ? m_price->cost(task.estimatedInputTokens, m_config.maxTokens) : 0;
}

void BatchEngine::pump()
{
    fillSlots();
    sendOutgoing();
}

void BatchEngine::sendOutgoing()
{
    for (Sender &slot : m_senders) {
        if (slot.outgoing.isEmpty())
            continue;
        QMetaObject::invokeMethod(
            slot.sender,
            [sender = slot.sender, requests = std::exchange(slot.outgoing, {})] {
                sender->send(requests);
            },
            Qt::QueuedConnection);
    }
}

void BatchEngine::fillSlots()
{
    if (m_state != RunState::Running)
        return;
    bool paced = false;
    while (int(m_inFlight.size()) < m_cap) {
        const qint64 now = nowMs();
        const qint64 idx = peekNext(now);
        if (idx < 0)
            break;
        Task &task = m_tasks.at(idx);
        const double tokens = double(task.estimatedInputTokens) + m_averageOutputTokens;
        const qint64 wait = m_pacer.waitMs(tokens, now);
        if (wait > 0) {
            schedulePump(wait);
            paced = true;
            break;
        }
        if (m_config.spendCapUsd > 0) {
            if (!m_price) {
                halt(PauseReason::SpendCap, unpricedCapMessage()); // a cap set while running
                return;
            }
            const double worst = worstCost(task);
            const double spent = m_costIncludingUncommitted + m_possiblyBilledUsd;
            if (spent + m_inFlightWorstCost + worst > m_config.spendCapUsd) {
                const QString message = m_possiblyBilledUsd > 0
                    ? tr("Paused at the spend cap of $%1: $%2 spent, counting answers that were "
                         "cut off or timed out at their worst case, and the next request could "
                         "cost up to $%3. Raise the cap to go on.")
                    : tr("Paused at the spend cap of $%1: $%2 spent, and the next request could "
                         "cost up to $%3. Raise the cap to go on.");
                halt(PauseReason::SpendCap, message.arg(m_config.spendCapUsd, 0, 'f', 2)
                                                .arg(spent, 0, 'f', 4)
                                                .arg(worst, 0, 'f', 4));
                return;
            }
        }
        if (!m_waiting.empty() && m_waiting.begin()->second == idx)
            m_waiting.erase(m_waiting.begin());
        else
            m_ready.pop_front();
        dispatch(idx, now);
    }
    // While the pacer holds everything back, an overdue retry must not re-arm the timer at 0 ms:
    // that spins the thread until the pacer's own wake-up.
    if (!paced && !m_waiting.empty() && int(m_inFlight.size()) < m_cap)
        schedulePump(m_waiting.begin()->first - nowMs());
    checkSettled();
}

void BatchEngine::startSenders()
{
    stopSenders();
    // One sender a core: more only share the same cores, fewer leave one idle in a burst.
    const int count = std::clamp(QThread::idealThreadCount(), 1, 4);
    for (int i = 0; i < count; ++i) {
        Sender slot;
        slot.thread.reset(new QThread);
        slot.thread->setObjectName(u"salvo-sender-%1"_s.arg(i));
        slot.sender = new RequestSender(m_config.effectiveHttpMode(), m_config.http2Streams, m_ssl,
                                        m_config.usesAnthropicApi(), m_request,
                                        m_config.effectiveTimeoutMs());
        slot.sender->moveToThread(slot.thread.get());
        connect(slot.thread.get(), &QThread::finished, slot.sender, &QObject::deleteLater);
        connect(slot.sender, &RequestSender::answered, this, &BatchEngine::onAnswered,
                Qt::QueuedConnection);
        slot.thread->start();
        m_senders.push_back(std::move(slot));
    }
}

void BatchEngine::stopSenders()
{
    for (Sender &slot : m_senders) {
        slot.sender->disconnect(this);
        // Blocking is safe: a sender never waits for the engine.
        QMetaObject::invokeMethod(slot.sender, &RequestSender::shutDown,
                                  Qt::BlockingQueuedConnection);
    }
    m_senders.clear(); // each thread stops, and deletes its sender as it ends
}

void BatchEngine::dispatch(qint64 idx, qint64 now)
{
    Task &task = m_tasks.at(idx);
    // The sender with the fewest requests in flight: its connections have room, and a round's
    // answers are read by all senders at once.
    const auto least = std::min_element(m_senders.begin(), m_senders.end(),
                                        [](const Sender &a, const Sender &b) {
                                            return a.inFlight < b.inFlight;
                                        });
    ++least->inFlight;
    const quint64 ticket = ++m_lastTicket;
    least->outgoing.append({ticket, m_bodies.render(task.system, task.prompt)}); // see pump()
    Flight flight;
    flight.idx = idx;
    flight.startedAt = QDateTime::currentDateTimeUtc();
    // Always, so that a cap set while the run goes counts the requests already out.
    flight.worstCostUsd = worstCost(task);
    flight.sender = size_t(least - m_senders.begin());
    m_inFlightWorstCost += flight.worstCostUsd;
    m_inFlight.insert(ticket, flight);
    m_pacer.onDispatched(double(task.estimatedInputTokens) + m_averageOutputTokens, now);
    ++m_requestsSent;
    // Announced, not written: the file keeps the item queued until its answer, so a crash sends
    // it again, and one write per item instead of two keeps the engine thread free for sending.
    ItemResult update = task.result;
    update.state = ItemState::InFlight;
    m_announce.append(update);
}

void BatchEngine::onAnswered(const QList<SentAnswer> &answers)
{
    for (const SentAnswer &answer : answers)
        takeAnswer(answer);
    scheduleFlush();
    pump();
}

void BatchEngine::takeAnswer(const SentAnswer &answer)
{
    const auto found = m_inFlight.find(answer.ticket);
    if (found == m_inFlight.end())
        return;
    const Flight flight = found.value();
    m_inFlight.erase(found);
    Sender &slot = m_senders[flight.sender];
    slot.inFlight = std::max(0, slot.inFlight - 1);
    m_inFlightWorstCost = std::max(0.0, m_inFlightWorstCost - flight.worstCostUsd);
    const AttemptOutcome &outcome = answer.outcome;

    const qint64 now = nowMs();
    const qint64 latency = answer.latencyMs;
    m_pacer.onResponse(outcome.limits, now);
    const auto taskIt = m_tasks.find(flight.idx);
    if (taskIt == m_tasks.end())
        return;
    Task &task = taskIt->second;
    const RetryDecision decision = m_policy->decide(outcome, task.failedAttempts,
                                                    task.rateLimitedAttempts);
    if (outcome.transport == AttemptOutcome::Transport::Unreachable)
        ++m_unreachableInARow;
    else if (outcome.transport == AttemptOutcome::Transport::Ok)
        m_unreachableInARow = 0;
    const bool answeredUnreadable = outcome.transport == AttemptOutcome::Transport::Ok
        && outcome.httpStatus >= 200 && outcome.httpStatus < 300
        && decision.action != RetryDecision::Action::Succeed;
    if (answeredUnreadable || outcome.transport == AttemptOutcome::Transport::Timeout)
        m_possiblyBilledUsd += flight.worstCostUsd;

    AttemptRecord attempt;
    attempt.idx = flight.idx;
    attempt.number = ++task.attemptsMade;
    attempt.startedAt = flight.startedAt;
    attempt.latencyMs = latency;
    attempt.httpStatus = outcome.httpStatus;
    attempt.errorType = decision.errorType;
    attempt.message = decision.message;
    m_store->saveAttempt(attempt);

    complete(task, outcome, decision, latency);
    if (m_unreachableInARow >= UnreachableHaltCount && m_state == RunState::Running) {
        // A wrong address or a network that is down fails every item alike: stop once, with
        // their retries unspent, instead of failing the whole batch one item at a time.
        halt(PauseReason::Unreachable,
             tr("%1 cannot be reached: %2. Check the address and the network, then resume the "
                "run.")
                 .arg(m_config.effectiveBaseUrl(), outcome.transportMessage));
    }
}

void BatchEngine::complete(Task &task, const AttemptOutcome &outcome,
                           const RetryDecision &decision, qint64 latencyMs)
{
    const qint64 idx = task.row.idx;
    const qint64 now = nowMs();
    ItemResult &result = task.result;
    result.idx = idx;
    result.attempts = task.attemptsMade;
    result.httpStatus = outcome.httpStatus;
    result.errorType = decision.errorType;
    result.latencyMs = latencyMs;

    switch (decision.action) {
    case RetryDecision::Action::Succeed: {
        const ParsedAnswer &answer = outcome.answer;
        result.state = ItemState::Ok;
        result.output = answer.text;
        result.error.clear();
        result.usageEstimated = !answer.hasUsage;
        result.inputTokens = answer.hasUsage ? answer.inputTokens : task.estimatedInputTokens;
        result.outputTokens = answer.hasUsage ? answer.outputTokens
                                              : ApiRequest::estimateTokens(answer.text);
        result.costUsd = m_price ? m_price->cost(result.inputTokens, result.outputTokens) : 0;
        m_costIncludingUncommitted += result.costUsd;
        ++m_answersSeen;
        m_averageOutputTokens += (double(result.outputTokens) - m_averageOutputTokens)
            / double(std::min<qint64>(m_answersSeen, 100));
        m_latencies.emplace_back(now, latencyMs);
        if (m_latencies.size() > MaxLatencySamples)
            m_latencies.pop_front();
        m_completionTimes.push_back(now);
        m_store->saveResult(result);
        m_uncommitted.append(result);
        m_tasks.erase(idx);
        return;
    }
    case RetryDecision::Action::Retry: {
        if (m_state == RunState::Cancelling) {
            // Nothing more is sent once a cancel has begun; the item ends cancelled.
            result.state = ItemState::Cancelled;
            result.error = decision.message;
            m_store->saveResult(result);
            m_uncommitted.append(result);
            m_tasks.erase(idx);
            return;
        }
        ++m_retriesTotal;
        if (decision.rateLimited) {
            ++task.rateLimitedAttempts;
            ++m_rateLimitedTotal;
            m_rateLimitTimes.push_back(now);
            // Everyone waits, not just this item: a limited batch must stop hammering the API.
            const auto retryAfter = outcome.limits.retryAfterMs;
            if (retryAfter && *retryAfter > 0 && *retryAfter <= RetryPolicy::MaxServerDelayMs)
                m_pacer.coolDown(*retryAfter, now);
        } else {
            ++task.failedAttempts;
        }
        result.state = ItemState::Retrying;
        result.error = decision.message;
        m_store->saveResult(result);
        m_uncommitted.append(result);
        m_waiting.emplace(now + decision.delayMs, idx);
        const auto retryAfter = outcome.limits.retryAfterMs;
        if (decision.rateLimited && retryAfter && *retryAfter > RetryPolicy::MaxServerDelayMs) {
            // A wait of hours is a daily or monthly limit: knocking every minute would only
            // collect 429s. Stop, and say when the provider expects requests again.
            const QDateTime until = QDateTime::currentDateTime().addMSecs(*retryAfter);
            halt(PauseReason::RateLimit,
                 tr("The provider asks for a wait of %n minute(s) before the next request "
                    "(a daily limit?). Resume the run after %1.",
                    nullptr, int((*retryAfter + 59999) / 60000))
                     .arg(QLocale().toString(until, QLocale::ShortFormat)));
        }
        return;
    }
    case RetryDecision::Action::Fail:
        result.state = ItemState::Failed;
        result.error = decision.message;
        m_completionTimes.push_back(now);
        m_store->saveResult(result);
        m_uncommitted.append(result);
        m_tasks.erase(idx);
        return;
    case RetryDecision::Action::Cancelled:
        result.state = ItemState::Cancelled;
        result.error = decision.message;
        m_store->saveResult(result);
        m_uncommitted.append(result);
        m_tasks.erase(idx);
        return;
    case RetryDecision::Action::StopForKey:
    case RetryDecision::Action::StopForQuota:
    case RetryDecision::Action::StopForTls: {
        // Not the item's fault: it goes back to the queue for when the run resumes.
        result.state = ItemState::Queued;
        result.error = decision.message;
        m_store->saveResult(result);
        m_uncommitted.append(result);
        m_ready.push_front(idx);
        if (decision.action == RetryDecision::Action::StopForTls) {
            halt(PauseReason::Tls,
                 tr("The secure connection to %1 failed: %2. If the server's certificate comes "
                    "from a private authority (a company proxy, the simulator), trust it with "
                    "the CA certificate setting or --ca-cert, then resume the run.")
                     .arg(m_config.effectiveBaseUrl(), outcome.transportMessage));
            return;
        }
        const bool key = decision.action == RetryDecision::Action::StopForKey;
        const QString message = key
            ? tr("The API key was rejected (HTTP %1). Check the key, then resume the run. "
                 "The server said: %2")
            : tr("The account's quota or spend limit is exhausted (HTTP %1); retrying cannot "
                 "help until it is raised. The server said: %2");
        halt(key ? PauseReason::ApiKey : PauseReason::Quota,
             message.arg(outcome.httpStatus).arg(outcome.apiError.message));
        return;
    }
    }
}

void BatchEngine::scheduleFlush()
{
    if (m_uncommitted.size() >= FlushBatch)
        flushStore();
    else if (!m_flushTimer.isActive())
        m_flushTimer.start(FlushDelayMs);
}

void BatchEngine::flushStore()
{
    m_flushTimer.stop();
    if (!m_store || !m_store->hasUnflushed())
        return;
    auto flushed = m_store->flush();
    if (!flushed) {
        // Keep the results in memory (the store keeps its buffer) and stop sending: spending
        // money on answers that cannot be saved would break the run file's promise.
        halt(PauseReason::StoreError, tr("Results cannot be saved: %1").arg(flushed.error()));
        return;
    }
    for (const ItemResult &result : std::as_const(m_uncommitted)) {
        switch (result.state) {
        case ItemState::Ok:
            ++m_counts.ok;
            m_counts.inputTokens += result.inputTokens;
            m_counts.outputTokens += result.outputTokens;
            m_counts.costUsd += result.costUsd;
            break;
        case ItemState::Failed:
            ++m_counts.failed;
            break;
        case ItemState::Cancelled:
            ++m_counts.cancelled;
            break;
        default:
            break;
        }
    }
    m_announce.append(m_uncommitted);
    m_uncommitted.clear();
}

void BatchEngine::checkSettled()
{
    if (!m_store || !m_inFlight.isEmpty() || m_state == RunState::Finished)
        return;
    if (m_state == RunState::Paused) {
        if (m_pauseReason != PauseReason::User && !m_haltAnnounced) {
            flushStore();
            m_haltAnnounced = true;
            emitMetrics();
            emit halted(m_pauseReason, m_pauseMessage);
        }
        return;
    }
    const bool allDone = m_state == RunState::Running && m_ready.empty() && m_waiting.empty()
        && m_storeDrained;
    if (!allDone && m_state != RunState::Cancelling)
        return;
    flushStore();
    if (m_store->hasUnflushed() || m_state == RunState::Paused)
        return; // the commit failed: flushStore() has halted the run
    m_pumpTimer.stop();
    m_counts = m_store->counts();
    setState(RunState::Finished);
    emitUpdates();
    emitMetrics();
    m_updateTimer.stop();
    m_metricsTimer.stop();
    emit finished(metrics());
    stopSenders(); // their connections close while the shell exports or shows the results
}

void BatchEngine::emitUpdates()
{
    if (m_announce.isEmpty())
        return;
    emit itemsUpdated(m_announce);
    m_announce.clear();
}

void BatchEngine::emitMetrics()
{
    const qint64 now = nowMs();
    while (!m_completionTimes.empty() && now - m_completionTimes.front() > RateWindowMs)
        m_completionTimes.pop_front();
    while (!m_rateLimitTimes.empty() && now - m_rateLimitTimes.front() > RateWindowMs)
        m_rateLimitTimes.pop_front();
    while (!m_latencies.empty() && now - m_latencies.front().first > LatencyWindowMs)
        m_latencies.pop_front();
    emit metricsUpdated(metrics());
}

} // namespace Salvo
