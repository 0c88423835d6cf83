// BatchEngine: sends one request per item of a run, many at once under an in-flight cap that can
// change while it runs; retries what can succeed, records what cannot, and commits every result
// to the run file before counting it as done. Lives on the engine thread (see EngineHost).
#pragma once

#include "core/engine/enginetypes.h"
#include "core/engine/pricetable.h"
#include "core/engine/prompttemplate.h"
#include "core/engine/ratepacer.h"
#include "core/engine/retrypolicy.h"
#include "core/common/threadstopper.h"
#include "core/engine/requestsender.h"
#include "core/engine/runconfig.h"
#include "core/providers/bodytemplate.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QNetworkRequest>
#include <QObject>
#include <QSslConfiguration>
#include <QTimer>

#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <unordered_map>
#include <vector>

class QSslConfiguration;

namespace Salvo {

class RunStore;

class BatchEngine final : public QObject
{
    Q_OBJECT

public:
    explicit BatchEngine(QObject *parent = nullptr);
    ~BatchEngine() override;

    // Opens the run file on this thread and starts sending what is not yet done.
    void start(const QString &runPath, const Salvo::EngineSecrets &secrets,
               const Salvo::PriceTable &prices);

    int maxInFlight() const { return m_cap; }
    RunState state() const { return m_state; }
    EngineMetrics metrics() const;

public slots:
    void setMaxInFlight(int cap);
    void setSpendCap(double usd);
    void pause();
    void resume();
    // First call: no new requests, unsent items become cancelled, in-flight ones finish (they
    // are paid for). A second call aborts what is still in flight.
    void cancel();
    // Failed items go back to the queue and the run goes on.
    void retryFailed();

signals:
    void started(qint64 total);
    void startFailed(const QString &message);
    void itemsUpdated(const QList<Salvo::ItemResult> &updates);  // every 100 ms at most
    void metricsUpdated(const Salvo::EngineMetrics &metrics);    // 4 times a second
    void stateChanged(Salvo::RunState state, Salvo::PauseReason reason, const QString &message);
    // Paused for a reason only a person can fix, with nothing left in flight.
    void halted(Salvo::PauseReason reason, const QString &message);
    void finished(const Salvo::EngineMetrics &metrics);

private:
    struct Task
    {
        ItemRow row;
        QString system;
        QString prompt;
        qint64 estimatedInputTokens = 0;
        // Every attempt made so far, in earlier runs too: it numbers the attempt records.
        int attemptsMade = 0;
        // The retry budget, counted from this start or "retry failed": a failed item sent back
        // gets its full retries again, and past 429s never use up its retries for errors.
        int failedAttempts = 0;
        int rateLimitedAttempts = 0;
        ItemResult result;
    };
    struct Flight
    {
        qint64 idx = 0;
        QDateTime startedAt;
        double worstCostUsd = 0;
        size_t sender = 0;
    };
    struct Sender
    {
        ThreadPtr thread;
        RequestSender *sender = nullptr; // deleted in its thread when the thread ends
        int inFlight = 0;
        QList<OutgoingRequest> outgoing; // dispatched, sent as one batch at the end of pump()
    };

    // Sends what the cap, the pacer and the spend cap allow, as one batch per sender.
    void pump();
    void fillSlots();
    void sendOutgoing();
    void schedulePump(qint64 delayMs);
    bool refill();
    // The next task to send (a due retry first), or -1.
    qint64 peekNext(qint64 nowMs);
    void dispatch(qint64 idx, qint64 nowMs);
    // The senders live while there is something to send: a finished run lets their
    // connections go, and "retry failed" starts them again.
    void startSenders();
    void stopSenders();
    void onAnswered(const QList<Salvo::SentAnswer> &answers);
    void takeAnswer(const SentAnswer &answer);
    void complete(Task &task, const AttemptOutcome &outcome, const RetryDecision &decision,
                  qint64 latencyMs);
    void halt(PauseReason reason, const QString &message);
    void setState(RunState state, PauseReason reason = PauseReason::None,
                  const QString &message = {});
    void checkSettled();
    void flushStore();
    void scheduleFlush();
    void emitUpdates();
    void emitMetrics();
    double worstCost(const Task &task) const;
    // Why a spend cap cannot work: the run's model has no price.
    QString unpricedCapMessage() const;
    qint64 nowMs() const { return m_clock.elapsed(); }

    std::unique_ptr<RunStore> m_store;
    RunConfig m_config;
    // Built once per start: every request of a run has the same JSON shape.
    BodyTemplate m_bodies;
    EngineSecrets m_secrets;
    std::optional<ModelPrice> m_price; // of the run's model; none: unknown, costs read as 0
    PromptTemplate m_systemTemplate;
    PromptTemplate m_promptTemplate;
    QSslConfiguration m_ssl;
    QNetworkRequest m_request; // the headers every request of the run carries
    std::vector<Sender> m_senders;
    quint64 m_lastTicket = 0;
    std::unique_ptr<RetryPolicy> m_policy;
    RatePacer m_pacer;
    QElapsedTimer m_clock;

    RunState m_state = RunState::Idle;
    PauseReason m_pauseReason = PauseReason::None;
    QString m_pauseMessage;
    int m_cap = 1;
    bool m_haltAnnounced = false;

    std::unordered_map<qint64, Task> m_tasks;  // fetched and not yet finished
    std::deque<qint64> m_ready;                // fetched, never sent (or sent back by a stop)
    std::multimap<qint64, qint64> m_waiting;   // retry due time → idx
    QHash<quint64, Flight> m_inFlight;         // by ticket
    qint64 m_lastFetchedIdx = -1;
    bool m_storeDrained = false;
    double m_inFlightWorstCost = 0;

    // Results saved but not yet committed, and committed updates not yet announced.
    QList<ItemResult> m_uncommitted;
    QList<ItemResult> m_announce;

    // Totals as committed to the run file.
    ItemCounts m_counts;
    double m_costIncludingUncommitted = 0;
    // Attempts that may have been billed without an answer to show for it (timed out, or a 2xx
    // that was cut off or unreadable), at their worst case: the spend cap counts them.
    double m_possiblyBilledUsd = 0;
    int m_unreachableInARow = 0; // attempts refused or without a host, with no answer between
    qint64 m_requestsSent = 0;
    qint64 m_rateLimitedTotal = 0;
    qint64 m_retriesTotal = 0;
    double m_averageOutputTokens = 0;
    qint64 m_answersSeen = 0;

    std::deque<qint64> m_completionTimes;      // ms, last few seconds
    std::deque<qint64> m_rateLimitTimes;
    std::deque<std::pair<qint64, qint64>> m_latencies; // (ms, latency ms), last 30 s

    QTimer m_pumpTimer{this}; // a child, so it moves to the engine thread with us
    QTimer m_flushTimer{this}; // a child, so it moves to the engine thread with us
    QTimer m_updateTimer{this}; // a child, so it moves to the engine thread with us
    QTimer m_metricsTimer{this}; // a child, so it moves to the engine thread with us
};

} // namespace Salvo
