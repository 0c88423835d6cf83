// MetricsHistory: every EngineMetrics sample of one run, with old ones folded into time buckets so
// a chart of a 3-hour run draws as few points as one of a minute. Plain value class; GUI thread.
#pragma once

#include "core/engine/enginetypes.h"

#include <QList>

#include <deque>
#include <vector>

namespace Salvo {

// One point of a chart: either one sample or the aggregate of a bucket of old samples.
struct MetricsPoint
{
    double timeMs = 0;              // mean time of the samples it stands for, so order is kept
    double completedPerSecond = 0;  // mean
    double rateLimitedPerSecond = 0; // mean
    int inFlight = 0;               // max: a short burst up to the cap must stay visible
    int cap = 0;                    // max, so in-flight never seems to exceed the cap
    double latencyP50Ms = 0;        // mean
    double latencyP95Ms = 0;        // mean
    int sampleCount = 1;
};

class MetricsHistory final
{
public:
    static constexpr int DefaultFullResolution = 400; // 100 s at the engine's 4 Hz
    static constexpr int DefaultMaxBuckets = 400;
    static constexpr qint64 DefaultBucketMs = 1000;

    // At most fullResolution + maxBuckets points come out of points(), whatever the run's length.
    explicit MetricsHistory(int fullResolution = DefaultFullResolution,
                            int maxBuckets = DefaultMaxBuckets,
                            qint64 initialBucketMs = DefaultBucketMs);

    // Returns false when the sample is older than the newest one and was dropped. A sample at
    // the newest one's time replaces it: the engine's last report at a run's end can share a
    // millisecond with the timer's, and it is the one with the final figures.
    bool add(const EngineMetrics &metrics);
    void clear();

    // Buckets oldest first, then the newest samples at full resolution; times strictly increase.
    [[nodiscard]] QList<MetricsPoint> points() const;
    [[nodiscard]] int size() const { return int(m_buckets.size() + m_recent.size()); }
    [[nodiscard]] bool isEmpty() const { return m_recent.empty(); }
    [[nodiscard]] qint64 lastTimeMs() const;
    [[nodiscard]] qint64 sampleCount() const { return m_sampleCount; }
    [[nodiscard]] int bucketCount() const { return int(m_buckets.size()); }
    [[nodiscard]] int fullResolutionCount() const { return int(m_recent.size()); }
    [[nodiscard]] qint64 bucketWidthMs() const { return m_bucketMs; }

private:
    struct Sample
    {
        qint64 timeMs = 0;
        double completedPerSecond = 0;
        double rateLimitedPerSecond = 0;
        int inFlight = 0;
        int cap = 0;
        double latencyP50Ms = 0;
        double latencyP95Ms = 0;
    };
    // Sums, not means, so merging two buckets when they widen stays exact.
    struct Bucket
    {
        qint64 index = 0; // start time / m_bucketMs
        double timeSumMs = 0;
        double completedSum = 0;
        double rateLimitedSum = 0;
        int inFlightMax = 0;
        int capMax = 0;
        double p50Sum = 0;
        double p95Sum = 0;
        int count = 0;
    };

    void fold(const Sample &sample);
    void widenBuckets();
    static void merge(Bucket &into, const Bucket &from);

    int m_fullResolution;
    int m_maxBuckets;
    qint64 m_initialBucketMs;
    qint64 m_bucketMs;
    std::vector<Bucket> m_buckets;
    std::deque<Sample> m_recent;
    qint64 m_sampleCount = 0;
};

} // namespace Salvo
