// SimStats: what the simulator has seen, as the server counts it (requests, statuses, in-flight,
// answers per prompt, duplicates), for GET /stats. Lives on the simulator's thread.
#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QMap>

#include <vector>

namespace Salvo {

class SimStats final
{
public:
    SimStats();

    void reset();
    qint64 elapsedMs() const { return m_clock.elapsed(); }

    void requestStarted();   // an API request arrived: it is in flight until requestEnded()
    void requestEnded();
    void statusSent(int status);
    void faultInjected(const QString &kind);
    // A well-formed answer was sent in full: the client has been billed for this prompt.
    void answerDelivered(quint64 promptHash);

    int inFlight() const { return m_inFlight; }
    qint64 answersDelivered() const { return m_answers; }

    // `withPrompts` adds the per-prompt answer counts (large for big runs).
    QJsonObject toJson(bool withPrompts) const;

private:
    struct Bin
    {
        int requests = 0;
        int rateLimited = 0;
        int answers = 0;
        int maxInFlight = 0;
    };
    Bin &currentBin();

    QElapsedTimer m_clock;
    qint64 m_requests = 0;
    qint64 m_answers = 0;
    int m_inFlight = 0;
    int m_maxInFlight = 0;
    QMap<int, qint64> m_byStatus;
    QMap<QString, qint64> m_faults;
    QHash<quint64, int> m_answersPerPrompt;
    qint64 m_duplicateAnswers = 0;
    qint64 m_duplicatePrompts = 0;
    std::vector<Bin> m_bins; // one per second since start or reset
};

} // namespace Salvo
