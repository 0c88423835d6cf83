#include "gui/charts/livecharts.h"

#include <QChart>
#include <QChartView>
#include <QEvent>
#include <QGraphicsLayout>
#include <QGridLayout>
#include <QLabel>
#include <QLegend>
#include <QLineSeries>
#include <QPen>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace Salvo {

namespace {

// Under this the x axis still spans 10 s, so the first seconds of a run don't fill the width
// with two points.
constexpr qint64 MinTimeSpanMs = 10000;
constexpr qint64 SecondsUpToMs = 120 * 1000;
constexpr qint64 MinutesUpToMs = 120 * 60 * 1000;
constexpr double Headroom = 1.15;
constexpr int XTickTarget = 6;
constexpr int YTickTarget = 4;

// 1, 2 or 5 times a power of ten, at least `rough`: ticks people can add up at a glance.
double niceStep(double rough)
{
    if (!(rough > 0))
        return 1;
    const double magnitude = std::pow(10.0, std::floor(std::log10(rough)));
    for (const double factor : {1.0, 2.0, 5.0}) {
        if (factor * magnitude >= rough * (1 - 1e-9))
            return factor * magnitude;
    }
    return 10 * magnitude;
}

QString labelFormat(double step)
{
    const int decimals = step >= 1 ? 0 : int(std::ceil(-std::log10(step) - 1e-9));
    return u"%.%1f"_s.arg(decimals);
}

// Top of the y range: the largest value plus headroom, rounded up to a whole tick, and never
// below `floorTop`, so a flat zero line still has a readable scale.
void scaleYAxis(QValueAxis *axis, double dataMax, double floorTop, double minStep)
{
    const double wanted = std::max(dataMax * Headroom, floorTop);
    const double step = std::max(niceStep(wanted / YTickTarget), minStep);
    const double top = std::ceil(wanted / step - 1e-9) * step;
    // Range last: Qt 6.4 lays the ticks out again on a range change but not on a new interval,
    // so the other order draws the old interval over the new range (dozens of elided labels).
    axis->setTickInterval(step);
    axis->setLabelFormat(labelFormat(step));
    axis->setRange(0, top);
}

struct SeriesColours
{
    QColor primary;
    QColor warning;
    QColor limit;
    QColor secondary;
    QColor tail;
};

// Hues that keep their contrast on the palette's background: darker on light, lighter on dark.
SeriesColours seriesColours(bool dark)
{
    if (dark)
        return {QColor(0x5d, 0xad, 0xe2), QColor(0xff, 0x6b, 0x6b), QColor(0xb0, 0xb0, 0xb0),
                QColor(0x58, 0xd6, 0x8d), QColor(0xf5, 0xb0, 0x41)};
    return {QColor(0x1f, 0x6f, 0xb4), QColor(0xd6, 0x27, 0x28), QColor(0x70, 0x70, 0x70),
            QColor(0x2c, 0x96, 0x2c), QColor(0xe0, 0x7b, 0x0e)};
}

} // namespace

LiveCharts::LiveCharts(QWidget *parent) : QWidget(parent)
{
    m_panels[size_t(Chart::Throughput)] =
        makePanel(tr("Throughput"), tr("items/s"), {tr("Completed")});
    m_panels[size_t(Chart::RateLimits)] =
        makePanel(tr("Rate limits (HTTP 429)"), tr("429s/s"), {tr("Rate-limited")});
    m_panels[size_t(Chart::InFlight)] =
        makePanel(tr("Requests in flight"), tr("requests"), {tr("In flight"), tr("Cap")});
    m_panels[size_t(Chart::Latency)] =
        makePanel(tr("Latency"), tr("ms"), {tr("p50"), tr("p95")});

    // 2×2 rather than a stack of four: at 900×600 each chart keeps ~250 px of height, enough for
    // a title, a legend and readable tick labels; a stack leaves ~100 px of plot per chart.
    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setHorizontalSpacing(4);
    grid->setVerticalSpacing(10); // keeps the upper x-axis titles apart from the lower charts
    for (int i = 0; i < ChartCount; ++i)
        grid->addWidget(m_panels[size_t(i)].view, i / 2, i % 2);

    m_emptyHint = new QLabel(tr("Charts fill in when a run starts."), this);
    m_emptyHint->setAlignment(Qt::AlignCenter);
    m_emptyHint->setMargin(10);
    m_emptyHint->setFrameShape(QFrame::StyledPanel);
    m_emptyHint->setAutoFillBackground(true);
    m_emptyHint->setBackgroundRole(QPalette::ToolTipBase);
    m_emptyHint->setForegroundRole(QPalette::ToolTipText);
    // Overlapping all four cells puts the hint in the middle while the empty axes stay visible.
    grid->addWidget(m_emptyHint, 0, 0, 2, 2, Qt::AlignCenter);
    m_emptyHint->raise();

    m_refreshTimer.setInterval(RefreshIntervalMs);
    connect(&m_refreshTimer, &QTimer::timeout, this, &LiveCharts::onRefreshTimeout);

    applyPalette();
    refresh();
}

LiveCharts::~LiveCharts() = default;

LiveCharts::Panel LiveCharts::makePanel(const QString &title, const QString &yTitle,
                                        const QStringList &seriesNames)
{
    Panel panel;
    panel.view = new QChartView(this);
    panel.view->setRenderHint(QPainter::Antialiasing);
    panel.view->setFrameShape(QFrame::NoFrame);
    panel.view->setMinimumSize(200, 140);
    QChart *chart = panel.view->chart();
    // Animating every 200 ms redraw costs CPU for motion nobody can follow.
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setTitle(title);
    // Axis labels in the user's locale (0,5 under German); the label formats stay printf ones.
    chart->setLocalizeNumbers(true);
    chart->setBackgroundRoundness(0);
    chart->setMargins(QMargins(4, 2, 14, 2)); // room for the last x label
    chart->layout()->setContentsMargins(0, 0, 0, 0);

    panel.xAxis = new QValueAxis(chart);
    panel.yAxis = new QValueAxis(chart);
    for (QValueAxis *axis : {panel.xAxis, panel.yAxis}) {
        axis->setTickType(QValueAxis::TicksDynamic);
        axis->setTickAnchor(0);
        axis->setMinorTickCount(0);
    }
    panel.yAxis->setTitleText(yTitle);
    chart->addAxis(panel.xAxis, Qt::AlignBottom);
    chart->addAxis(panel.yAxis, Qt::AlignLeft);

    for (const QString &name : seriesNames) {
        auto *series = new QLineSeries(chart);
        series->setName(name);
        chart->addSeries(series);
        series->attachAxis(panel.xAxis);
        series->attachAxis(panel.yAxis);
        panel.series.append(series);
    }
    // One line needs no key: the chart's title names it.
    chart->legend()->setVisible(seriesNames.size() > 1);
    chart->legend()->setAlignment(Qt::AlignTop);
    return panel;
}

QChart *LiveCharts::chart(Chart which) const
{
    return panel(which).view->chart();
}

void LiveCharts::addSample(const EngineMetrics &metrics)
{
    if (!m_history.add(metrics)) {
        m_history.clear();
        m_history.add(metrics);
    }
    scheduleRefresh();
}

void LiveCharts::reset()
{
    m_history.clear();
    scheduleRefresh();
}

void LiveCharts::scheduleRefresh()
{
    m_dirty = true;
    if (!m_refreshTimer.isActive() && isVisible())
        m_refreshTimer.start();
}

void LiveCharts::onRefreshTimeout()
{
    // The timer runs only while samples keep coming, and not for a hidden tab; showEvent()
    // catches up.
    if (!m_dirty || !isVisible()) {
        m_refreshTimer.stop();
        return;
    }
    refresh();
}

void LiveCharts::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_dirty && !m_refreshTimer.isActive())
        m_refreshTimer.start();
}

void LiveCharts::refresh()
{
    m_dirty = false;
    const QList<MetricsPoint> points = m_history.points();

    const qint64 spanMs = std::max(m_history.lastTimeMs(), MinTimeSpanMs);
    double unitMs = 1000;
    QString timeTitle = tr("Time since start (s)");
    if (spanMs > MinutesUpToMs) {
        unitMs = 3600.0 * 1000;
        timeTitle = tr("Time since start (h)");
    } else if (spanMs > SecondsUpToMs) {
        unitMs = 60.0 * 1000;
        timeTitle = tr("Time since start (min)");
    }

    QList<QPointF> completed, rateLimited, inFlight, cap, p50, p95;
    for (QList<QPointF> *list : {&completed, &rateLimited, &inFlight, &cap, &p50, &p95})
        list->reserve(points.size());
    double maxCompleted = 0, maxRateLimited = 0, maxRequests = 0, maxLatency = 0;
    for (const MetricsPoint &point : points) {
        const double x = point.timeMs / unitMs;
        completed.append({x, point.completedPerSecond});
        rateLimited.append({x, point.rateLimitedPerSecond});
        inFlight.append({x, double(point.inFlight)});
        cap.append({x, double(point.cap)});
        p50.append({x, point.latencyP50Ms});
        p95.append({x, point.latencyP95Ms});
        maxCompleted = std::max(maxCompleted, point.completedPerSecond);
        maxRateLimited = std::max(maxRateLimited, point.rateLimitedPerSecond);
        maxRequests = std::max({maxRequests, double(point.inFlight), double(point.cap)});
        maxLatency = std::max({maxLatency, point.latencyP50Ms, point.latencyP95Ms});
    }
    // replace() swaps a whole series with one repaint; append() would repaint per point.
    panel(Chart::Throughput).series[0]->replace(completed);
    panel(Chart::RateLimits).series[0]->replace(rateLimited);
    panel(Chart::InFlight).series[0]->replace(inFlight);
    panel(Chart::InFlight).series[1]->replace(cap);
    panel(Chart::Latency).series[0]->replace(p50);
    panel(Chart::Latency).series[1]->replace(p95);

    const double xMax = double(spanMs) / unitMs;
    const double xStep = niceStep(xMax / XTickTarget);
    for (const Panel &each : m_panels) {
        each.xAxis->setTickInterval(xStep);
        each.xAxis->setLabelFormat(labelFormat(xStep));
        each.xAxis->setTitleText(timeTitle);
        each.xAxis->setRange(0, xMax);
    }
    scaleYAxis(panel(Chart::Throughput).yAxis, maxCompleted, 1, 0);
    scaleYAxis(panel(Chart::RateLimits).yAxis, maxRateLimited, 1, 0);
    scaleYAxis(panel(Chart::InFlight).yAxis, maxRequests, 4, 1); // whole requests only
    scaleYAxis(panel(Chart::Latency).yAxis, maxLatency, 100, 1);

    m_emptyHint->setVisible(points.isEmpty());
    emit refreshed();
}

void LiveCharts::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    // The system switching between light and dark reaches us as a palette change.
    if (event->type() == QEvent::PaletteChange)
        applyPalette();
}

void LiveCharts::applyPalette()
{
    const QPalette pal = palette();
    const bool dark = pal.color(QPalette::Window).lightness() < 128;
    const SeriesColours colours = seriesColours(dark);
    const QColor text = pal.color(QPalette::WindowText);
    QColor grid = text;
    grid.setAlpha(40);
    QColor axisLine = text;
    axisLine.setAlpha(110);

    for (const Panel &each : m_panels) {
        QChart *chart = each.view->chart();
        // The theme resets fonts and pens wholesale, so everything below is set after it.
        chart->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
        chart->setBackgroundBrush(pal.brush(QPalette::Base));
        chart->setBackgroundPen(Qt::NoPen);
        chart->setTitleBrush(text);
        QFont titleFont = font();
        titleFont.setBold(true);
        chart->setTitleFont(titleFont);
        chart->legend()->setLabelColor(text);
        chart->legend()->setFont(font());
        each.view->setBackgroundBrush(pal.brush(QPalette::Base));
        for (QValueAxis *axis : {each.xAxis, each.yAxis}) {
            axis->setLabelsBrush(text);
            axis->setLabelsFont(font());
            axis->setTitleBrush(text);
            axis->setTitleFont(font());
            axis->setGridLineColor(grid);
            axis->setLinePenColor(axisLine);
        }
    }

    auto setPen = [](QLineSeries *series, const QColor &colour, Qt::PenStyle style) {
        QPen pen(colour);
        pen.setWidthF(2);
        pen.setStyle(style);
        series->setPen(pen);
    };
    setPen(panel(Chart::Throughput).series[0], colours.primary, Qt::SolidLine);
    setPen(panel(Chart::RateLimits).series[0], colours.warning, Qt::SolidLine);
    setPen(panel(Chart::InFlight).series[0], colours.primary, Qt::SolidLine);
    setPen(panel(Chart::InFlight).series[1], colours.limit, Qt::DashLine);
    setPen(panel(Chart::Latency).series[0], colours.secondary, Qt::SolidLine);
    setPen(panel(Chart::Latency).series[1], colours.tail, Qt::SolidLine);
}

} // namespace Salvo
