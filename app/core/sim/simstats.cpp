#include "core/sim/simstats.h"

#include <QJsonArray>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Salvo {

namespace {
constexpr size_t MaxBins = 7 * 24 * 3600; // a week of seconds; later ones share the last bin
}

SimStats::SimStats()
{
    m_clock.start();
}

void SimStats::reset()
{
    const int inFlight = m_inFlight; // requests on the wire stay on the wire
    *this = SimStats();
    m_inFlight = inFlight;
}

SimStats::Bin &SimStats::currentBin()
{
    const size_t second = std::min(size_t(m_clock.elapsed() / 1000), MaxBins - 1);
    if (m_bins.size() <= second)
        m_bins.resize(second + 1);
    return m_bins[second];
}

void SimStats::requestStarted()
{
    ++m_requests;
    ++m_inFlight;
    m_maxInFlight = std::max(m_maxInFlight, m_inFlight);
    Bin &bin = currentBin();
    ++bin.requests;
    bin.maxInFlight = std::max(bin.maxInFlight, m_inFlight);
}

void SimStats::requestEnded()
{
    m_inFlight = std::max(0, m_inFlight - 1);
}

void SimStats::statusSent(int status)
{
    ++m_byStatus[status];
    if (status == 429)
        ++currentBin().rateLimited;
}

void SimStats::faultInjected(const QString &kind)
{
    ++m_faults[kind];
}

void SimStats::answerDelivered(quint64 promptHash)
{
    ++m_answers;
    ++currentBin().answers;
    int &count = ++m_answersPerPrompt[promptHash];
    if (count > 1) {
        ++m_duplicateAnswers;
        if (count == 2)
            ++m_duplicatePrompts;
    }
}

QJsonObject SimStats::toJson(bool withPrompts) const
{
    QJsonObject statuses;
    for (auto it = m_byStatus.begin(); it != m_byStatus.end(); ++it)
        statuses.insert(QString::number(it.key()), it.value());
    QJsonObject faults;
    for (auto it = m_faults.begin(); it != m_faults.end(); ++it)
        faults.insert(it.key(), it.value());
    QJsonArray bins;
    for (const Bin &bin : m_bins) {
        bins.append(QJsonObject{{u"requests"_s, bin.requests},
                                {u"rate_limited"_s, bin.rateLimited},
                                {u"answers"_s, bin.answers},
                                {u"max_in_flight"_s, bin.maxInFlight}});
    }
    QJsonObject out{{u"uptime_ms"_s, m_clock.elapsed()},
                    {u"requests"_s, m_requests},
                    {u"responses"_s, statuses},
                    {u"faults"_s, faults},
                    {u"in_flight"_s, m_inFlight},
                    {u"max_in_flight"_s, m_maxInFlight},
                    {u"answers"_s, m_answers},
                    {u"prompts_answered"_s, qint64(m_answersPerPrompt.size())},
                    {u"duplicate_prompts"_s, m_duplicatePrompts},
                    {u"duplicate_answers"_s, m_duplicateAnswers},
                    {u"per_second"_s, bins}};
    if (withPrompts) {
        QJsonObject prompts;
        for (auto it = m_answersPerPrompt.begin(); it != m_answersPerPrompt.end(); ++it)
            prompts.insert(QString::number(it.key(), 16), it.value());
        out.insert(u"answers_per_prompt"_s, prompts);
    }
    return out;
}

} // namespace Salvo
