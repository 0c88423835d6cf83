#include "gui/results/resultsmodel.h"

#include "core/store/runstore.h"
#include "gui/itemstatelabel.h"
#include "gui/numberformat.h"

#include <QGuiApplication>
#include <QPainter>
#include <QPalette>
#include <QPixmap>
#include <QTimer>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Salvo {

namespace {

// Fixed columns after Row and the inputs, in order.
constexpr std::array<ResultsModel::Field, 7> TrailingFields = {
    ResultsModel::Field::Status,       ResultsModel::Field::Output,
    ResultsModel::Field::InputTokens,  ResultsModel::Field::OutputTokens,
    ResultsModel::Field::Cost,         ResultsModel::Field::Latency,
    ResultsModel::Field::Attempts,
};

constexpr int ReadChunkRows = 2000;

bool hasOutcome(ItemState state)
{
    return state == ItemState::Ok || state == ItemState::Failed;
}

// Mid-tone colours with a darker rim: they read on light and dark bases alike.
QColor stateColor(ItemState state)
{
    switch (state) {
    case ItemState::Queued:
        return QColor(0x9e, 0x9e, 0x9e);
    case ItemState::InFlight:
        return QColor(0x3b, 0x82, 0xf6);
    case ItemState::Retrying:
        return QColor(0xf5, 0x9e, 0x0b);
    case ItemState::Ok:
        return QColor(0x22, 0xa0, 0x4b);
    case ItemState::Failed:
        return QColor(0xe5, 0x39, 0x35);
    case ItemState::Cancelled:
        return QColor(0x7e, 0x57, 0xc2);
    }
    return {};
}

QPixmap dot(const QColor &color, int size)
{
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(color.darker(140), size / 12.0));
    painter.setBrush(color);
    const qreal margin = size * 0.2;
    painter.drawEllipse(QRectF(margin, margin, size - 2 * margin, size - 2 * margin));
    return pixmap;
}

template<typename T>
int compareValues(const T &a, const T &b)
{
    return a < b ? -1 : (b < a ? 1 : 0);
}

int compareText(const QString &a, const QString &b)
{
    const int folded = a.compare(b, Qt::CaseInsensitive);
    return folded != 0 ? folded : a.compare(b);
}

} // namespace

ResultsModel::ResultsModel(QObject *parent) : QAbstractTableModel(parent) {}

ResultsModel::~ResultsModel() = default;

Result<bool, QString> ResultsModel::openRun(const QString &runPath)
{
    beginResetModel();
    closeRunData();
    auto opened = RunStore::open(runPath);
    if (!opened) {
        endResetModel();
        emit countsChanged();
        return fail(opened.error());
    }
    m_store = opened.takeValue();
    m_runPath = runPath;
    m_columnNames = m_store->columns();
    m_visibleInputs.clear();
    for (int column = 0; column < std::min<int>(2, int(m_columnNames.size())); ++column)
        m_visibleInputs.append(column);
    resizeRows(size_t(std::max<qint64>(0, m_store->itemCount())));
    loadResults();
    endResetModel();
    emit countsChanged();
    return true;
}

void ResultsModel::closeRun()
{
    beginResetModel();
    closeRunData();
    endResetModel();
    emit countsChanged();
}

void ResultsModel::closeRunData()
{
    ++m_refreshTicket;
    m_store.reset();
    m_runPath.clear();
    m_columnNames.clear();
    m_visibleInputs.clear();
    resizeRows(0);
    dropPages();
    m_sortKeys.clear();
}

void ResultsModel::resizeRows(size_t count)
{
    m_state.assign(count, std::uint8_t(ItemState::Queued));
    m_inputTokens.assign(count, 0);
    m_outputTokens.assign(count, 0);
    m_cost.assign(count, 0);
    m_latency.assign(count, 0);
    m_attempts.assign(count, 0);
    m_preview.assign(count, QString());
    m_previewIsWhole.assign(count, true);
    m_stateCounts.fill(0);
    m_stateCounts[size_t(ItemState::Queued)] = qint64(count);
}

void ResultsModel::dropPages()
{
    m_pages.clear();
    m_pageIndex.clear();
}

void ResultsModel::loadResults()
{
    const qint64 count = qint64(m_state.size());
    for (qint64 from = 0; from < count; from += ReadChunkRows) {
        const QList<ItemResult> results = m_store->results(from, ReadChunkRows);
        if (results.isEmpty())
            break;
        setRows(results);
    }
}

void ResultsModel::setRows(const QList<ItemResult> &results)
{
    const qint64 count = qint64(m_state.size());
    for (const ItemResult &result : results) {
        if (result.idx >= 0 && result.idx < count)
            setRow(result);
    }
}

void ResultsModel::setRow(const ItemResult &result)
{
    const auto row = size_t(result.idx);
    const auto newState = std::uint8_t(result.state);
    if (newState >= m_stateCounts.size())
        return;
    --m_stateCounts[m_state[row]];
    ++m_stateCounts[newState];
    m_state[row] = newState;
    m_inputTokens[row] = result.inputTokens;
    m_outputTokens[row] = result.outputTokens;
    m_cost[row] = result.costUsd;
    m_latency[row] = result.latencyMs;
    m_attempts[row] = result.attempts;

    const qsizetype lineEnd = result.output.indexOf(u'\n');
    QString preview = lineEnd < 0 ? result.output : result.output.left(lineEnd);
    if (preview.endsWith(u'\r'))
        preview.chop(1);
    preview.truncate(PreviewLength);
    m_previewIsWhole[row] = preview.size() == result.output.size();
    m_preview[row] = std::move(preview);

    const auto cached = m_pageIndex.find(result.idx / PageRows);
    if (cached != m_pageIndex.end() && cached->second->second.hasOutputs)
        cached->second->second.outputs[qsizetype(result.idx % PageRows)] = result.output;
}

void ResultsModel::applyUpdates(const QList<ItemResult> &batch)
{
    const qint64 count = qint64(m_state.size());
    qint64 first = count;
    qint64 last = -1;
    for (const ItemResult &result : batch) {
        if (result.idx < 0 || result.idx >= count)
            continue;
        setRow(result);
        first = std::min(first, result.idx);
        last = std::max(last, result.idx);
    }
    if (last < 0)
        return;
    // One signal per batch: one per item stalls the view (and the proxy) at 1000 items/s.
    emit dataChanged(index(int(first), 0), index(int(last), columnCount() - 1),
                     {Qt::DisplayRole, Qt::DecorationRole, Qt::ForegroundRole, SortRole,
                      StateRole});
    emit countsChanged();
}

void ResultsModel::refresh()
{
    if (!m_store)
        return;
    if (m_store->itemCount() != qint64(m_state.size())) {
        const QString path = m_runPath;
        const QList<int> visible = m_visibleInputs;
        if (openRun(path))
            setVisibleInputColumns(visible);
        return;
    }
    for (auto &[key, cached] : m_pages) {
        cached.hasOutputs = false;
        cached.outputs.clear();
    }
    refreshFrom(0, ++m_refreshTicket);
}

void ResultsModel::refreshFrom(qint64 from, quint64 ticket)
{
    if (ticket != m_refreshTicket || !m_store)
        return;
    const qint64 count = qint64(m_state.size());
    const QList<ItemResult> results = from < count ? m_store->results(from, ReadChunkRows)
                                                   : QList<ItemResult>();
    setRows(results);
    const qint64 end = results.isEmpty() ? count : std::min(count, results.last().idx + 1);
    if (end > from) {
        emit dataChanged(index(int(from), 0), index(int(end - 1), columnCount() - 1),
                         {Qt::DisplayRole, Qt::DecorationRole, Qt::ForegroundRole, SortRole,
                          StateRole});
    }
    if (!results.isEmpty() && end < count) {
        QTimer::singleShot(0, this, [this, end, ticket] { refreshFrom(end, ticket); });
        return;
    }
    emit countsChanged();
}

void ResultsModel::setVisibleInputColumns(const QList<int> &columns)
{
    QList<int> valid;
    for (int column : columns) {
        if (column >= 0 && column < m_columnNames.size() && !valid.contains(column))
            valid.append(column);
    }
    if (valid == m_visibleInputs)
        return;
    beginResetModel();
    m_visibleInputs = valid;
    endResetModel();
}

ResultsModel::Field ResultsModel::fieldAt(int column) const
{
    if (column <= 0)
        return Field::Row;
    if (column <= m_visibleInputs.size())
        return Field::Input;
    const auto trailing = size_t(column - 1 - m_visibleInputs.size());
    return trailing < TrailingFields.size() ? TrailingFields[trailing] : Field::Row;
}

int ResultsModel::inputColumnAt(int column) const
{
    if (column >= 1 && column <= m_visibleInputs.size())
        return m_visibleInputs[column - 1];
    return -1;
}

int ResultsModel::columnOf(Field field) const
{
    if (field == Field::Row)
        return 0;
    if (field == Field::Input)
        return m_visibleInputs.isEmpty() ? -1 : 1;
    const auto found = std::find(TrailingFields.begin(), TrailingFields.end(), field);
    return 1 + int(m_visibleInputs.size()) + int(found - TrailingFields.begin());
}

ItemCounts ResultsModel::counts() const
{
    ItemCounts counts;
    counts.total = qint64(m_state.size());
    counts.queued = m_stateCounts[size_t(ItemState::Queued)]
                    + m_stateCounts[size_t(ItemState::InFlight)]
                    + m_stateCounts[size_t(ItemState::Retrying)];
    counts.ok = m_stateCounts[size_t(ItemState::Ok)];
    counts.failed = m_stateCounts[size_t(ItemState::Failed)];
    counts.cancelled = m_stateCounts[size_t(ItemState::Cancelled)];
    for (size_t row = 0; row < m_state.size(); ++row) {
        counts.inputTokens += m_inputTokens[row];
        counts.outputTokens += m_outputTokens[row];
        counts.costUsd += m_cost[row];
    }
    return counts;
}

ResultsModel::Page &ResultsModel::page(int row) const
{
    const qint64 key = row / PageRows;
    const auto cached = m_pageIndex.find(key);
    if (cached != m_pageIndex.end()) {
        m_pages.splice(m_pages.begin(), m_pages, cached->second);
        return m_pages.front().second;
    }
    if (qsizetype(m_pages.size()) >= MaxCachedPages) {
        m_pageIndex.erase(m_pages.back().first);
        m_pages.pop_back();
    }
    Page loaded;
    const qint64 first = key * PageRows;
    const QList<ItemRow> rows = m_store->items(first, PageRows);
    loaded.cells.resize(PageRows);
    for (const ItemRow &item : rows) {
        if (item.idx >= first && item.idx < first + PageRows)
            loaded.cells[qsizetype(item.idx - first)] = item.cells;
    }
    m_pages.emplace_front(key, std::move(loaded));
    m_pageIndex[key] = m_pages.begin();
    return m_pages.front().second;
}

QString ResultsModel::cell(int row, int inputColumn) const
{
    const QStringList &cells = page(row).cells[row % PageRows];
    return inputColumn < cells.size() ? cells[inputColumn] : QString();
}

QString ResultsModel::fullOutput(int row) const
{
    if (m_previewIsWhole[size_t(row)])
        return m_preview[size_t(row)];
    Page &cached = page(row);
    if (!cached.hasOutputs) {
        const qint64 first = qint64(row / PageRows) * PageRows;
        cached.outputs = QStringList(PageRows);
        for (const ItemResult &result : m_store->results(first, PageRows)) {
            if (result.idx >= first && result.idx < first + PageRows)
                cached.outputs[qsizetype(result.idx - first)] = result.output;
        }
        cached.hasOutputs = true;
    }
    return cached.outputs[row % PageRows];
}

const std::vector<QString> &ResultsModel::sortKeys(int inputColumn) const
{
    auto found = m_sortKeys.find(inputColumn);
    if (found != m_sortKeys.end())
        return found->second;
    // Sorting compares rows in random order, which a page cache cannot serve: read the column
    // once, keeping a prefix of each cell.
    std::vector<QString> keys(m_state.size());
    for (qint64 from = 0; from < qint64(keys.size()); from += ReadChunkRows) {
        const QList<ItemRow> rows = m_store->items(from, ReadChunkRows);
        if (rows.isEmpty())
            break;
        for (const ItemRow &item : rows) {
            if (item.idx < 0 || item.idx >= qint64(keys.size())
                || inputColumn >= item.cells.size())
                continue;
            keys[size_t(item.idx)] = item.cells[inputColumn].left(SortKeyLength).toCaseFolded();
        }
    }
    return m_sortKeys.emplace(inputColumn, std::move(keys)).first->second;
}

bool ResultsModel::rowContains(int row, const QString &needle) const
{
    if (row < 0 || row >= rowCount())
        return false;
    if (needle.isEmpty())
        return true;
    if (m_preview[size_t(row)].contains(needle, Qt::CaseInsensitive))
        return true;
    if (!m_previewIsWhole[size_t(row)] && fullOutput(row).contains(needle, Qt::CaseInsensitive))
        return true;
    for (int column : m_visibleInputs) {
        if (cell(row, column).contains(needle, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

int ResultsModel::compareRows(int a, int b, int column) const
{
    const auto ra = size_t(a);
    const auto rb = size_t(b);
    switch (fieldAt(column)) {
    case Field::Row:
        return compareValues(a, b);
    case Field::Input: {
        // Folded when read: a plain compare here is several times faster on 100,000 rows.
        const std::vector<QString> &keys = sortKeys(inputColumnAt(column));
        return keys[ra].compare(keys[rb]);
    }
    case Field::Status:
        return compareValues(m_state[ra], m_state[rb]);
    case Field::Output:
        return compareText(m_preview[ra], m_preview[rb]);
    case Field::InputTokens:
        return compareValues(m_inputTokens[ra], m_inputTokens[rb]);
    case Field::OutputTokens:
        return compareValues(m_outputTokens[ra], m_outputTokens[rb]);
    case Field::Cost:
        return compareValues(m_cost[ra], m_cost[rb]);
    case Field::Latency:
        return compareValues(m_latency[ra], m_latency[rb]);
    case Field::Attempts:
        return compareValues(m_attempts[ra], m_attempts[rb]);
    }
    return 0;
}

int ResultsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_state.size());
}

int ResultsModel::columnCount(const QModelIndex &parent) const
{
    if (parent.isValid() || !m_store)
        return 0;
    return 1 + int(m_visibleInputs.size()) + int(TrailingFields.size());
}

QVariant ResultsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    const Field field = fieldAt(index.column());
    const ItemState itemState = state(row);
    switch (role) {
    case Qt::DisplayRole:
        return displayValue(row, field, index.column());
    case SortRole:
        return sortValue(row, field, index.column());
    case ItemIdRole:
        return qint64(row);
    case StateRole:
        return int(itemState);
    case Qt::DecorationRole:
        if (field == Field::Status)
            return stateIcon(itemState);
        return {};
    case Qt::ForegroundRole:
        if (field != Field::Status)
            return {};
        if (itemState == ItemState::Failed) {
            const bool dark = QGuiApplication::palette().color(QPalette::Base).lightness() < 128;
            return dark ? QColor(0xff, 0x7b, 0x72) : QColor(0xb7, 0x1c, 0x1c);
        }
        if (!hasOutcome(itemState))
            return QGuiApplication::palette().color(QPalette::PlaceholderText);
        return {};
    case Qt::TextAlignmentRole:
        switch (field) {
        case Field::Row:
        case Field::InputTokens:
        case Field::OutputTokens:
        case Field::Cost:
        case Field::Latency:
        case Field::Attempts:
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (field == Field::Input)
            return cell(row, inputColumnAt(index.column())).left(1000);
        return {};
    default:
        return {};
    }
}

QVariant ResultsModel::displayValue(int row, Field field, int column) const
{
    const auto r = size_t(row);
    const NumberFormat format;
    const bool done = hasOutcome(state(row));
    switch (field) {
    case Field::Row:
        return format.count(row + 1);
    case Field::Input: {
        QString text = cell(row, inputColumnAt(column)).left(PreviewLength);
        text.replace(u'\n', u' ');
        return text;
    }
    case Field::Status:
        return itemStateLabel(state(row));
    case Field::Output:
        return m_previewIsWhole[r] ? m_preview[r] : m_preview[r] + u'…';
    case Field::InputTokens:
        return done || m_inputTokens[r] > 0 ? format.count(m_inputTokens[r]) : QString();
    case Field::OutputTokens:
        return done || m_outputTokens[r] > 0 ? format.count(m_outputTokens[r]) : QString();
    case Field::Cost:
        if (m_cost[r] <= 0 && state(row) != ItemState::Ok)
            return QString();
        return format.cost(m_cost[r]);
    case Field::Latency:
        return m_latency[r] > 0 ? format.latency(m_latency[r]) : QString();
    case Field::Attempts:
        return m_attempts[r] > 0 ? format.count(m_attempts[r]) : QString();
    }
    return {};
}

QVariant ResultsModel::sortValue(int row, Field field, int column) const
{
    const auto r = size_t(row);
    switch (field) {
    case Field::Row:
        return qint64(row) + 1;
    case Field::Input:
        return cell(row, inputColumnAt(column));
    case Field::Status:
        return int(m_state[r]);
    case Field::Output:
        return m_preview[r];
    case Field::InputTokens:
        return m_inputTokens[r];
    case Field::OutputTokens:
        return m_outputTokens[r];
    case Field::Cost:
        return m_cost[r];
    case Field::Latency:
        return m_latency[r];
    case Field::Attempts:
        return m_attempts[r];
    }
    return {};
}

QIcon ResultsModel::stateIcon(ItemState itemState) const
{
    QIcon &icon = m_icons[size_t(itemState)];
    if (icon.isNull()) {
        icon.addPixmap(dot(stateColor(itemState), 16));
        icon.addPixmap(dot(stateColor(itemState), 32));
    }
    return icon;
}

QVariant ResultsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= columnCount())
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role != Qt::DisplayRole)
        return {};
    switch (fieldAt(section)) {
    case Field::Row:
        return tr("Row");
    case Field::Input:
        return m_columnNames.value(inputColumnAt(section));
    case Field::Status:
        return tr("Status");
    case Field::Output:
        return tr("Output");
    case Field::InputTokens:
        return tr("Input tokens");
    case Field::OutputTokens:
        return tr("Output tokens");
    case Field::Cost:
        return tr("Cost");
    case Field::Latency:
        return tr("Latency");
    case Field::Attempts:
        return tr("Attempts");
    }
    return {};
}

} // namespace Salvo
