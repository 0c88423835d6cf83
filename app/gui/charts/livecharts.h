// LiveCharts: four charts of a run as it goes (throughput, 429s, in-flight against the cap,
// latency) on one time axis, redrawn at most 5 times a second. GUI thread.
#pragma once

#include "core/engine/enginetypes.h"
#include "gui/charts/metricshistory.h"

#include <QTimer>
#include <QWidget>

#include <array>

class QChart;
class QChartView;
class QLabel;
class QLineSeries;
class QValueAxis;

namespace Salvo {

class LiveCharts final : public QWidget
{
    Q_OBJECT

public:
    enum class Chart { Throughput, RateLimits, InFlight, Latency };
    static constexpr int ChartCount = 4;
    static constexpr int RefreshIntervalMs = 200;

    explicit LiveCharts(QWidget *parent = nullptr);
    ~LiveCharts() override;

    // For every EngineHost::metricsUpdated: cheap, only stores the sample; the timer redraws.
    // A sample older than the last one means a new engine started a new run without reset().
    void addSample(const Salvo::EngineMetrics &metrics);
    // Forgets the run and shows the empty charts again.
    void reset();

    // Read-only access for tests and for a window that wants to export a chart.
    [[nodiscard]] QChart *chart(Chart which) const;
    [[nodiscard]] const MetricsHistory &history() const { return m_history; }

signals:
    // The series and axes now show everything addSample() has been given.
    void refreshed();

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    struct Panel
    {
        QChartView *view = nullptr;
        QValueAxis *xAxis = nullptr;
        QValueAxis *yAxis = nullptr;
        QList<QLineSeries *> series;
    };

    Panel makePanel(const QString &title, const QString &yTitle, const QStringList &seriesNames);
    void onRefreshTimeout();
    void refresh();
    void applyPalette();
    void scheduleRefresh();
    const Panel &panel(Chart which) const { return m_panels[size_t(which)]; }

    MetricsHistory m_history;
    std::array<Panel, ChartCount> m_panels;
    QLabel *m_emptyHint = nullptr;
    QTimer m_refreshTimer;
    bool m_dirty = false;
};

} // namespace Salvo
