// RunStore: one run as one SQLite file (*.salvo, WAL): its configuration (never an API key), its
// input rows, and every result and attempt as it completes. A result is durable against a
// process crash once flush() has returned true. Used on one thread only: the one that opened it.
#pragma once

#include "core/common/result.h"
#include "core/engine/itemtypes.h"
#include "core/store/sqlitestatement.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>

#include <memory>
#include <vector>

namespace Salvo {

class RunStore final
{
    Q_DECLARE_TR_FUNCTIONS(Salvo::RunStore)

public:
    static constexpr int CurrentSchemaVersion = 2;

    ~RunStore();
    RunStore(const RunStore &) = delete;
    RunStore &operator=(const RunStore &) = delete;

    // A new run file; fails if `path` exists. Errors are sentences naming the file.
    static Result<std::unique_ptr<RunStore>, QString> create(const QString &path,
                                                             const QJsonObject &config,
                                                             const QStringList &columns);
    // An existing run file, migrated to the current schema if an older Salvo wrote it.
    static Result<std::unique_ptr<RunStore>, QString> open(const QString &path);

    QString path() const { return m_path; }
    int schemaVersion() const;
    QJsonObject config() const;
    [[nodiscard]] Result<bool, QString> setConfig(const QJsonObject &config);
    QStringList columns() const;
    QString meta(const QString &key) const;
    void setMeta(const QString &key, const QString &value);

    // Appends rows (indices continue from itemCount()), in one transaction per call.
    [[nodiscard]] Result<bool, QString> appendItems(const QList<QStringList> &rows);
    // The next index appendItems() gives out: the number of rows, as indices have no gaps.
    qint64 itemCount() const;
    // The row, or one with idx -1 when there is none.
    ItemRow item(qint64 idx) const;
    // Rows in idx order, from `fromIdx`, at most `limit` (pairs with results() for exports).
    QList<ItemRow> items(qint64 fromIdx, int limit) const;

    // Up to `limit` Queued items with idx > afterIdx, in idx order, with their attempts so far.
    QList<ItemRow> queuedItems(qint64 afterIdx, int limit) const;
    // The state changes below each commit on their own and return how many items changed, or -1
    // when the file cannot be written (the reason is logged).
    // Items left InFlight or Retrying by a stop or a crash go back to Queued.
    qint64 requeueUnfinished();
    // Failed items go back to Queued (for "retry failed"); their attempts are kept.
    qint64 requeueFailed();
    // Cancelled items go back to Queued (resuming a cancelled run).
    qint64 requeueCancelled();
    // Every Queued item becomes Cancelled, except those in `spared` (the ones in flight, which
    // the file keeps queued until their answers come).
    qint64 cancelQueued(const QList<qint64> &spared = {});

    // Buffered writes; flush() commits everything buffered in one transaction. If it fails
    // (disk full, a result for an item that does not exist), nothing is written and everything
    // stays buffered for the next try.
    void saveResult(const ItemResult &result);
    void saveAttempt(const AttemptRecord &attempt);
    [[nodiscard]] Result<bool, QString> flush();
    bool hasUnflushed() const { return !m_pendingResults.empty() || !m_pendingAttempts.empty(); }

    // The reads below see flushed data only. In counts(), InFlight and Retrying items count as
    // queued: they have no result yet and go back to the queue when the run resumes.
    ItemCounts counts() const;
    // The item's result, or one with idx -1 when there is no such item.
    ItemResult result(qint64 idx) const;
    // Results in idx order, from `fromIdx`, at most `limit` (for exports and views).
    QList<ItemResult> results(qint64 fromIdx, int limit) const;
    QList<AttemptRecord> attempts(qint64 idx) const;

private:
    RunStore() = default;
    [[nodiscard]] Result<bool, QString> openDatabase(const QString &path);
    [[nodiscard]] Result<bool, QString> configureConnection();
    [[nodiscard]] Result<bool, QString> checkFormat();
    [[nodiscard]] Result<bool, QString> migrate();
    [[nodiscard]] Result<bool, QString> writeInitialMeta(const QJsonObject &config,
                                                         const QStringList &columns);
    [[nodiscard]] Result<bool, QString> writeMeta(const QString &key, const QString &value);
    [[nodiscard]] Result<bool, QString> writePending();
    void loadCachedMeta();
    void cacheMeta(const QString &key, const QString &value);
    qint64 changeState(const QString &sql);
    // For the reads through SqliteStatement; both log what went wrong.
    bool prepareRead(SqliteStatement &statement, const char *sql) const;
    bool readRow(SqliteStatement &statement) const; // false at the end or on an error
    QString sqlError(const QSqlQuery &query) const;
    QString displayPath() const;

    QString m_path;
    QString m_connectionName;
    QSqlDatabase m_db;
    int m_schemaVersion = 0;
    QJsonObject m_config;   // cached meta 'config'
    QStringList m_columns;  // cached meta 'columns'
    std::vector<ItemResult> m_pendingResults;
    std::vector<AttemptRecord> m_pendingAttempts;
    SqliteStatement m_updateResult;  // prepared at the first flush
    SqliteStatement m_insertAttempt;
    SqliteStatement m_insertItem;    // prepared at the first use
    // Reads serve const methods; each is prepared at its first use and left reset.
    mutable SqliteStatement m_selectItems;
    mutable SqliteStatement m_selectQueued;
    mutable SqliteStatement m_selectResults;
};

} // namespace Salvo
