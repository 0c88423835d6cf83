#include "gui/charts/metricshistory.h"

#include <algorithm>

namespace Salvo {

MetricsHistory::MetricsHistory(int fullResolution, int maxBuckets, qint64 initialBucketMs)
    : m_fullResolution(std::max(1, fullResolution)),
      m_maxBuckets(std::max(2, maxBuckets)),
      m_initialBucketMs(std::max<qint64>(1, initialBucketMs)),
      m_bucketMs(m_initialBucketMs)
{
}

bool MetricsHistory::add(const EngineMetrics &metrics)
{
    Sample sample;
    sample.timeMs = std::max<qint64>(0, metrics.elapsedMs);
    sample.completedPerSecond = metrics.completedPerSecond;
    sample.rateLimitedPerSecond = metrics.rateLimitedPerSecond;
    sample.inFlight = metrics.inFlight;
    sample.cap = metrics.cap;
    sample.latencyP50Ms = double(metrics.latencyP50Ms);
    sample.latencyP95Ms = double(metrics.latencyP95Ms);

    if (!m_recent.empty()) {
        if (sample.timeMs < m_recent.back().timeMs)
            return false;
        if (sample.timeMs == m_recent.back().timeMs) {
            m_recent.back() = sample;
            return true;
        }
    }
    m_recent.push_back(sample);
    ++m_sampleCount;
    while (int(m_recent.size()) > m_fullResolution) {
        fold(m_recent.front());
        m_recent.pop_front();
    }
    return true;
}

void MetricsHistory::clear()
{
    m_buckets.clear();
    m_recent.clear();
    m_bucketMs = m_initialBucketMs;
    m_sampleCount = 0;
}

qint64 MetricsHistory::lastTimeMs() const
{
    return m_recent.empty() ? 0 : m_recent.back().timeMs;
}

QList<MetricsPoint> MetricsHistory::points() const
{
    QList<MetricsPoint> out;
    out.reserve(qsizetype(m_buckets.size() + m_recent.size()));
    for (const Bucket &bucket : m_buckets) {
        const double n = bucket.count;
        MetricsPoint point;
        point.timeMs = bucket.timeSumMs / n;
        point.completedPerSecond = bucket.completedSum / n;
        point.rateLimitedPerSecond = bucket.rateLimitedSum / n;
        point.inFlight = bucket.inFlightMax;
        point.cap = bucket.capMax;
        point.latencyP50Ms = bucket.p50Sum / n;
        point.latencyP95Ms = bucket.p95Sum / n;
        point.sampleCount = bucket.count;
        out.append(point);
    }
    for (const Sample &sample : m_recent) {
        MetricsPoint point;
        point.timeMs = double(sample.timeMs);
        point.completedPerSecond = sample.completedPerSecond;
        point.rateLimitedPerSecond = sample.rateLimitedPerSecond;
        point.inFlight = sample.inFlight;
        point.cap = sample.cap;
        point.latencyP50Ms = sample.latencyP50Ms;
        point.latencyP95Ms = sample.latencyP95Ms;
        point.sampleCount = 1;
        out.append(point);
    }
    return out;
}

void MetricsHistory::fold(const Sample &sample)
{
    // Samples leave m_recent oldest first, so a sample only ever lands in the newest bucket or
    // opens a later one: the buckets stay sorted without searching.
    const qint64 index = sample.timeMs / m_bucketMs;
    if (m_buckets.empty() || m_buckets.back().index != index) {
        Bucket bucket;
        bucket.index = index;
        bucket.inFlightMax = sample.inFlight;
        bucket.capMax = sample.cap;
        m_buckets.push_back(bucket);
    }
    Bucket &bucket = m_buckets.back();
    bucket.timeSumMs += double(sample.timeMs);
    bucket.completedSum += sample.completedPerSecond;
    bucket.rateLimitedSum += sample.rateLimitedPerSecond;
    bucket.inFlightMax = std::max(bucket.inFlightMax, sample.inFlight);
    bucket.capMax = std::max(bucket.capMax, sample.cap);
    bucket.p50Sum += sample.latencyP50Ms;
    bucket.p95Sum += sample.latencyP95Ms;
    ++bucket.count;
    // A pause with no samples leaves holes, so one doubling may not free enough room.
    while (int(m_buckets.size()) > m_maxBuckets)
        widenBuckets();
}

void MetricsHistory::widenBuckets()
{
    // Bucket edges sit on multiples of the width from time 0, so after doubling each new bucket
    // is exactly two old ones and no sample is split or counted twice.
    m_bucketMs *= 2;
    std::vector<Bucket> widened;
    widened.reserve(m_buckets.size() / 2 + 1);
    for (Bucket bucket : m_buckets) {
        bucket.index /= 2;
        if (!widened.empty() && widened.back().index == bucket.index)
            merge(widened.back(), bucket);
        else
            widened.push_back(bucket);
    }
    m_buckets = std::move(widened);
}

void MetricsHistory::merge(Bucket &into, const Bucket &from)
{
    into.timeSumMs += from.timeSumMs;
    into.completedSum += from.completedSum;
    into.rateLimitedSum += from.rateLimitedSum;
    into.inFlightMax = std::max(into.inFlightMax, from.inFlightMax);
    into.capMax = std::max(into.capMax, from.capMax);
    into.p50Sum += from.p50Sum;
    into.p95Sum += from.p95Sum;
    into.count += from.count;
}

} // namespace Salvo
