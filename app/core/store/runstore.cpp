#include "core/store/runstore.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSqlError>

#include <atomic>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <utility>

using namespace Qt::StringLiterals;

namespace Salvo {

namespace {

Q_LOGGING_CATEGORY(lcStore, "salvo.store")

// migrationSteps()[v] takes a file from schema v to v + 1; create() runs them all from 0, so a new
// file and an upgraded old one are built by the same statements. Add a step for each new schema
// and never edit a shipped one: files written by it exist.
const QList<QStringList> &migrationSteps()
{
    static const QList<QStringList> steps = {
        {
            // 0 -> 1
            u"CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)"_s,
            u"CREATE TABLE items(idx INTEGER PRIMARY KEY, cells TEXT NOT NULL,"
            " state INTEGER NOT NULL DEFAULT 0, output TEXT, error TEXT,"
            " http_status INTEGER NOT NULL DEFAULT 0, error_type TEXT,"
            " attempts INTEGER NOT NULL DEFAULT 0, latency_ms INTEGER NOT NULL DEFAULT 0,"
            " input_tokens INTEGER NOT NULL DEFAULT 0, output_tokens INTEGER NOT NULL DEFAULT 0,"
            " cost_usd REAL NOT NULL DEFAULT 0)"_s,
            u"CREATE INDEX items_state_idx ON items(state, idx)"_s,
        },
        {
            // 1 -> 2
            u"ALTER TABLE items ADD COLUMN usage_estimated INTEGER NOT NULL DEFAULT 0"_s,
            u"ALTER TABLE items ADD COLUMN updated_at TEXT"_s,
            u"CREATE TABLE attempts(idx INTEGER NOT NULL REFERENCES items(idx),"
            " number INTEGER NOT NULL, started_at TEXT, latency_ms INTEGER NOT NULL DEFAULT 0,"
            " http_status INTEGER NOT NULL DEFAULT 0, error_type TEXT, message TEXT,"
            " PRIMARY KEY(idx, number)) WITHOUT ROWID"_s,
        },
    };
    return steps;
}

// Rows a read reserves room for at most: a caller may ask for "all" with a huge limit.
constexpr int ReservedRows = 8192;
const QString RunFormat = u"salvo-run"_s;
const QString ResultColumns = u"idx, state, output, error, http_status, error_type, attempts,"
                              " latency_ms, input_tokens, output_tokens, cost_usd,"
                              " usage_estimated"_s;

QString nextConnectionName()
{
    static std::atomic<quint64> s_nextId{1};
    return u"salvo-run-%1"_s.arg(s_nextId.fetch_add(1));
}

// SQLite's own sentence ("database is locked") says more than Qt's "Unable to fetch row".
QString errorText(const QSqlError &error)
{
    return error.databaseText().isEmpty() ? error.text() : error.databaseText();
}

QString stateSql(ItemState state)
{
    return QString::number(int(state));
}

QString toJson(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

// Written by hand because QJsonDocument builds a CBOR tree and a UTF-8 copy of every row, over a
// quarter of the time of a million-row import. Plain JSON: decodeCells() reads it with Qt.
QString encodeCells(const QStringList &cells)
{
    qsizetype size = 2;
    for (const QString &cell : cells)
        size += cell.size() + 3;
    QString json;
    json.reserve(size);
    json += u'[';
    for (qsizetype i = 0; i < cells.size(); ++i) {
        if (i > 0)
            json += u',';
        json += u'"';
        const QString &cell = cells.at(i);
        qsizetype plainFrom = 0;
        for (qsizetype at = 0; at < cell.size(); ++at) {
            const char16_t c = cell.at(at).unicode();
            if (c >= 0x20 && c != u'"' && c != u'\\')
                continue;
            json += QStringView(cell).sliced(plainFrom, at - plainFrom);
            plainFrom = at + 1;
            switch (c) {
            case u'"':
                json += u"\\\""_s;
                break;
            case u'\\':
                json += u"\\\\"_s;
                break;
            case u'\n':
                json += u"\\n"_s;
                break;
            case u'\r':
                json += u"\\r"_s;
                break;
            case u'\t':
                json += u"\\t"_s;
                break;
            default:
                json += u"\\u%1"_s.arg(int(c), 4, 16, QChar(u'0'));
                break;
            }
        }
        json += QStringView(cell).sliced(plainFrom);
        json += u'"';
    }
    json += u']';
    return json;
}

QStringList decodeCells(const QString &json)
{
    const QJsonArray array = QJsonDocument::fromJson(json.toUtf8()).array();
    QStringList cells;
    cells.reserve(array.size());
    for (const QJsonValue &value : array)
        cells.append(value.toString());
    return cells;
}

// QDateTime::toString() (and QString::asprintf()) cost over 10,000 instructions, paid twice for
// every answer saved; the same text (Qt::ISODateWithMs in UTC) from the calendar arithmetic of
// <chrono> and snprintf() costs a small part of that.
QString isoUtc(const QDateTime &time)
{
    if (!time.isValid())
        return QString();
    using namespace std::chrono;
    const sys_time<milliseconds> at{milliseconds(time.toMSecsSinceEpoch())};
    const sys_days day = floor<days>(at);
    const year_month_day date{day};
    const hh_mm_ss clock{at - day};
    char text[32];
    const int length = std::snprintf(text, sizeof text, "%04d-%02u-%02uT%02d:%02d:%02d.%03dZ",
                                     int(date.year()), unsigned(date.month()),
                                     unsigned(date.day()), int(clock.hours().count()),
                                     int(clock.minutes().count()), int(clock.seconds().count()),
                                     int(clock.subseconds().count()));
    return QString::fromLatin1(text, std::clamp(length, 0, int(sizeof text) - 1));
}

// Rolls back unless committed, so every early return leaves the file as it was.
class Transaction final
{
public:
    explicit Transaction(const QSqlDatabase &db) : m_db(db) {}
    ~Transaction()
    {
        if (!m_active)
            return;
        QSqlQuery rollback(m_db);
        if (!rollback.exec(u"ROLLBACK"_s)) // SQLite may already have rolled back (disk full)
            qCDebug(lcStore) << "rollback:" << errorText(rollback.lastError());
    }
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    // IMMEDIATE takes the write lock up front: a deferred transaction that reads first can get
    // SQLITE_BUSY at its first write, and busy_timeout does not retry that case.
    [[nodiscard]] Result<bool, QString> begin()
    {
        QSqlQuery query(m_db);
        if (!query.exec(u"BEGIN IMMEDIATE"_s))
            return fail(errorText(query.lastError()));
        m_active = true;
        return true;
    }

    [[nodiscard]] Result<bool, QString> commit()
    {
        QSqlQuery query(m_db);
        if (!query.exec(u"COMMIT"_s))
            return fail(errorText(query.lastError()));
        m_active = false;
        return true;
    }

private:
    const QSqlDatabase &m_db;
    bool m_active = false;
};

} // namespace

RunStore::~RunStore()
{
    if (hasUnflushed())
        qCWarning(lcStore) << "closing" << m_path << "with" << m_pendingResults.size()
                           << "results and" << m_pendingAttempts.size()
                           << "attempts never flushed";
    for (SqliteStatement *statement : {&m_updateResult, &m_insertAttempt, &m_insertItem,
                                       &m_selectItems, &m_selectQueued, &m_selectResults})
        statement->finalize();
    if (m_db.isValid())
        m_db.close();
    // removeDatabase() warns and leaks the connection while any copy is alive; the queries are
    // all locals, so this member is the last one.
    m_db = QSqlDatabase();
    if (!m_connectionName.isEmpty())
        QSqlDatabase::removeDatabase(m_connectionName);
}

Result<std::unique_ptr<RunStore>, QString> RunStore::create(const QString &path,
                                                            const QJsonObject &config,
                                                            const QStringList &columns)
{
    const QString shown = QDir::toNativeSeparators(path);
    // NewOnly creates the file exclusively, so two runs started at once never share a file;
    // SQLite takes the empty file for an empty database.
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly)) {
        if (file.exists())
            return fail(tr("%1 already exists.").arg(shown));
        return fail(tr("Cannot create %1: %2.").arg(shown, file.errorString()));
    }
    file.close();

    // The constructor is private, so std::make_unique cannot reach it.
    std::unique_ptr<RunStore> store(new RunStore());
    Result<bool, QString> built = store->openDatabase(path);
    if (built)
        built = store->configureConnection();
    if (built)
        built = store->migrate();
    if (built)
        built = store->writeInitialMeta(config, columns);
    if (!built) {
        store.reset(); // close the connection before deleting its files
        for (const QString &suffix : {u""_s, u"-wal"_s, u"-shm"_s, u"-journal"_s})
            QFile::remove(path + suffix);
        return fail(built.error());
    }
    store->m_config = config;
    store->m_columns = columns;
    return store;
}

Result<std::unique_ptr<RunStore>, QString> RunStore::open(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists())
        return fail(tr("%1 does not exist.").arg(QDir::toNativeSeparators(path)));
    if (!info.isFile())
        return fail(tr("%1 is not a Salvo run file.").arg(QDir::toNativeSeparators(path)));

    std::unique_ptr<RunStore> store(new RunStore());
    Result<bool, QString> opened = store->openDatabase(path);
    // Identify the file before anything writes to it: switching a stranger's database to WAL
    // would change it.
    if (opened)
        opened = store->checkFormat();
    if (opened)
        opened = store->configureConnection();
    if (opened)
        opened = store->migrate();
    if (!opened)
        return fail(opened.error());
    store->loadCachedMeta();
    return store;
}

Result<bool, QString> RunStore::openDatabase(const QString &path)
{
    m_path = path;
    m_connectionName = nextConnectionName();
    m_db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connectionName);
    if (!m_db.isValid())
        return fail(tr("Cannot open %1: the SQLite driver for Qt is not installed.")
                        .arg(displayPath()));
    m_db.setDatabaseName(path);
    if (!m_db.open())
        return fail(tr("Cannot open %1: %2.").arg(displayPath(), errorText(m_db.lastError())));
    // Another connection (an export, a second window) may hold the write lock for a moment.
    QSqlQuery query(m_db);
    if (!query.exec(u"PRAGMA busy_timeout = 5000"_s))
        return fail(tr("Cannot open %1: %2.").arg(displayPath(), sqlError(query)));
    return true;
}

Result<bool, QString> RunStore::checkFormat()
{
    int version = 0;
    {
        QSqlQuery query(m_db);
        if (!query.exec(u"PRAGMA user_version"_s) || !query.next())
            return fail(tr("%1 is not a Salvo run file: %2.").arg(displayPath(), sqlError(query)));
        version = query.value(0).toInt();
    }
    QSqlQuery format(m_db);
    if (!format.exec(u"SELECT value FROM meta WHERE key = 'format'"_s) || !format.next()
        || format.value(0).toString() != RunFormat || version < 1)
        return fail(tr("%1 is not a Salvo run file.").arg(displayPath()));
    if (version > CurrentSchemaVersion)
        return fail(tr("%1 was written by a newer Salvo (schema %2); this version reads up to %3.")
                        .arg(displayPath(), QString::number(version),
                             QString::number(CurrentSchemaVersion)));
    m_schemaVersion = version;
    return true;
}

Result<bool, QString> RunStore::configureConnection()
{
    QSqlQuery query(m_db);
    // WAL: readers (an export, the results view) don't block the engine's writes. With
    // synchronous=NORMAL a committed transaction survives a killed process, which is the promise;
    // only a power cut can lose the last commits, and FULL would fsync on every flush.
    if (!query.exec(u"PRAGMA journal_mode = WAL"_s) || !query.next())
        return fail(tr("Cannot open %1: %2.").arg(displayPath(), sqlError(query)));
    if (query.value(0).toString().compare(u"wal"_s, Qt::CaseInsensitive) != 0)
        qCWarning(lcStore) << m_path << "stays in journal mode" << query.value(0).toString();
    query.finish();
    // 16 MiB of page cache instead of 2: views and exports revisit pages of a file that reaches
    // tens of MiB at a million rows. Appending measured the same either way (it only touches the
    // rightmost pages), so the import speed comes from a prepared statement instead.
    // The first 16 MiB of the file (a 30,000-item run) are read through a memory map instead of
    // a read() call and a copy per page: a 20,000-item run's engine start and export took 30-40 ms
    // less. Bounded, because mapped pages count as the process's memory once touched, once per
    // connection: a million-item run peaked at 100 MB without the map, 121 MB with 16 MiB and
    // 145 MB with 32 MiB.
    for (const QString &pragma : {u"PRAGMA synchronous = NORMAL"_s, u"PRAGMA foreign_keys = ON"_s,
                                  u"PRAGMA cache_size = -16384"_s,
                                  u"PRAGMA mmap_size = 16777216"_s}) {
        if (!query.exec(pragma))
            return fail(tr("Cannot open %1: %2.").arg(displayPath(), sqlError(query)));
    }
    return true;
}

Result<bool, QString> RunStore::migrate()
{
    const QList<QStringList> &steps = migrationSteps();
    Q_ASSERT(steps.size() == CurrentSchemaVersion);
    // One transaction per step: a crash mid-upgrade leaves a file at a version it really has.
    while (m_schemaVersion < CurrentSchemaVersion) {
        const int from = m_schemaVersion;
        const auto failed = [&](const QString &why) {
            // One multi-arg call: chained arg() would expand a "%2" inside the path.
            return tr("Cannot upgrade %1 from schema %2 to %3: %4.")
                .arg(displayPath(), QString::number(from), QString::number(from + 1), why);
        };
        Transaction transaction(m_db);
        if (auto begun = transaction.begin(); !begun)
            return fail(failed(begun.error()));
        QSqlQuery query(m_db);
        for (const QString &statement : steps.at(from)) {
            if (!query.exec(statement))
                return fail(failed(sqlError(query)));
        }
        if (!query.exec(u"PRAGMA user_version = %1"_s.arg(from + 1)))
            return fail(failed(sqlError(query)));
        query.finish();
        if (auto committed = transaction.commit(); !committed)
            return fail(failed(committed.error()));
        m_schemaVersion = from + 1;
    }
    return true;
}

Result<bool, QString> RunStore::writeInitialMeta(const QJsonObject &config,
                                                 const QStringList &columns)
{
    const auto failed = [&](const QString &why) {
        return tr("Cannot create %1: %2.").arg(displayPath(), why);
    };
    Transaction transaction(m_db);
    if (auto begun = transaction.begin(); !begun)
        return fail(failed(begun.error()));
    const std::pair<QString, QString> entries[] = {
        {u"format"_s, RunFormat},
        {u"salvo_version"_s, QString::fromUtf8(SALVO_VERSION)},
        {u"created_at"_s, QDateTime::currentDateTimeUtc().toString(Qt::ISODate)},
        {u"config"_s, toJson(config)},
        {u"columns"_s, encodeCells(columns)},
    };
    for (const auto &[key, value] : entries) {
        if (auto written = writeMeta(key, value); !written)
            return fail(failed(written.error()));
    }
    if (auto committed = transaction.commit(); !committed)
        return fail(failed(committed.error()));
    return true;
}

Result<bool, QString> RunStore::writeMeta(const QString &key, const QString &value)
{
    QSqlQuery query(m_db);
    // A null QString binds as NULL, which the NOT NULL column refuses; store it as empty.
    if (!query.prepare(u"INSERT OR REPLACE INTO meta(key, value) VALUES(?, COALESCE(?, ''))"_s))
        return fail(sqlError(query));
    query.bindValue(0, key);
    query.bindValue(1, value);
    if (!query.exec())
        return fail(sqlError(query));
    return true;
}

void RunStore::loadCachedMeta()
{
    cacheMeta(u"config"_s, meta(u"config"_s));
    cacheMeta(u"columns"_s, meta(u"columns"_s));
}

void RunStore::cacheMeta(const QString &key, const QString &value)
{
    if (key == u"config") {
        const QJsonDocument document = QJsonDocument::fromJson(value.toUtf8());
        if (!document.isObject())
            qCWarning(lcStore) << m_path << "has no readable config";
        m_config = document.object();
    } else if (key == u"columns") {
        m_columns = decodeCells(value);
    }
}

int RunStore::schemaVersion() const
{
    return m_schemaVersion;
}

QJsonObject RunStore::config() const
{
    return m_config;
}

Result<bool, QString> RunStore::setConfig(const QJsonObject &config)
{
    if (auto written = writeMeta(u"config"_s, toJson(config)); !written)
        return fail(tr("Cannot save the settings in %1: %2.").arg(displayPath(), written.error()));
    m_config = config;
    return true;
}

QStringList RunStore::columns() const
{
    return m_columns;
}

QString RunStore::meta(const QString &key) const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!query.prepare(u"SELECT value FROM meta WHERE key = ?"_s))
        return {};
    query.bindValue(0, key);
    if (!query.exec() || !query.next())
        return {};
    return query.value(0).toString();
}

void RunStore::setMeta(const QString &key, const QString &value)
{
    if (auto written = writeMeta(key, value); !written) {
        qCWarning(lcStore) << "cannot write" << key << "to" << m_path << ":" << written.error();
        return;
    }
    cacheMeta(key, value);
}

Result<bool, QString> RunStore::appendItems(const QList<QStringList> &rows)
{
    if (rows.isEmpty())
        return true;
    const auto failed = [&](const QString &why) {
        return tr("Cannot add rows to %1: %2.").arg(displayPath(), why);
    };
    if (auto prepared =
            m_insertItem.prepareOnce(m_db, "INSERT INTO items(idx, cells) VALUES(?, ?)");
        !prepared)
        return fail(failed(prepared.error()));
    Transaction transaction(m_db);
    if (auto begun = transaction.begin(); !begun)
        return fail(failed(begun.error()));
    // Read inside the transaction, so no other writer can take the same indices.
    qint64 idx = itemCount();
    for (const QStringList &row : rows) {
        m_insertItem.bindInteger(1, idx++);
        m_insertItem.bindText(2, encodeCells(row));
        if (auto ran = m_insertItem.run(); !ran)
            return fail(failed(ran.error()));
    }
    if (auto committed = transaction.commit(); !committed)
        return fail(failed(committed.error()));
    return true;
}

qint64 RunStore::itemCount() const
{
    // MAX over the rowid is a single B-tree descent; COUNT(*) would scan a million rows.
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!query.exec(u"SELECT COALESCE(MAX(idx) + 1, 0) FROM items"_s) || !query.next()) {
        qCWarning(lcStore) << "cannot count items in" << m_path << ":" << sqlError(query);
        return 0;
    }
    return query.value(0).toLongLong();
}

ItemRow RunStore::item(qint64 idx) const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!query.prepare(u"SELECT cells FROM items WHERE idx = ?"_s))
        return {-1, {}};
    query.bindValue(0, idx);
    if (!query.exec() || !query.next())
        return {-1, {}};
    return {idx, decodeCells(query.value(0).toString())};
}

QList<ItemRow> RunStore::items(qint64 fromIdx, int limit) const
{
    QList<ItemRow> rows;
    if (limit <= 0)
        return rows;
    if (!prepareRead(m_selectItems, "SELECT idx, cells FROM items WHERE idx >= ? ORDER BY idx"
                                    " LIMIT ?"))
        return rows;
    m_selectItems.bindInteger(1, fromIdx);
    m_selectItems.bindInteger(2, limit);
    rows.reserve(std::min(limit, ReservedRows));
    while (readRow(m_selectItems)) {
        rows.append({m_selectItems.columnInteger(0),
                     decodeCells(m_selectItems.columnText(1))});
    }
    return rows;
}

QList<ItemRow> RunStore::queuedItems(qint64 afterIdx, int limit) const
{
    QList<ItemRow> rows;
    if (limit <= 0)
        return rows;
    // Served by items_state_idx: a range scan from afterIdx, however many rows are done.
    static const QByteArray sql = "SELECT idx, cells, attempts FROM items WHERE state = "
        + stateSql(ItemState::Queued).toLatin1() + " AND idx > ? ORDER BY idx LIMIT ?";
    if (!prepareRead(m_selectQueued, sql.constData()))
        return rows;
    m_selectQueued.bindInteger(1, afterIdx);
    m_selectQueued.bindInteger(2, limit);
    rows.reserve(std::min(limit, ReservedRows));
    while (readRow(m_selectQueued)) {
        rows.append({m_selectQueued.columnInteger(0), decodeCells(m_selectQueued.columnText(1)),
                     int(m_selectQueued.columnInteger(2))});
    }
    return rows;
}

bool RunStore::prepareRead(SqliteStatement &statement, const char *sql) const
{
    if (auto prepared = statement.prepareOnce(m_db, sql); !prepared) {
        qCWarning(lcStore) << "cannot read" << m_path << ":" << prepared.error();
        return false;
    }
    return true;
}

bool RunStore::readRow(SqliteStatement &statement) const
{
    auto row = statement.step();
    if (!row) {
        qCWarning(lcStore) << "cannot read" << m_path << ":" << row.error();
        return false;
    }
    return row.value();
}

qint64 RunStore::changeState(const QString &sql)
{
    QSqlQuery query(m_db);
    if (!query.exec(sql)) {
        qCWarning(lcStore) << "cannot update" << m_path << ":" << sqlError(query);
        return -1;
    }
    return query.numRowsAffected();
}

qint64 RunStore::requeueUnfinished()
{
    return changeState(u"UPDATE items SET state = %1 WHERE state IN (%2, %3)"_s.arg(
        stateSql(ItemState::Queued), stateSql(ItemState::InFlight),
        stateSql(ItemState::Retrying)));
}

qint64 RunStore::requeueFailed()
{
    // The error text stays until a new result replaces it, so the view can still say why.
    return changeState(u"UPDATE items SET state = %1 WHERE state = %2"_s.arg(
        stateSql(ItemState::Queued), stateSql(ItemState::Failed)));
}

qint64 RunStore::requeueCancelled()
{
    return changeState(u"UPDATE items SET state = %1 WHERE state = %2"_s.arg(
        stateSql(ItemState::Queued), stateSql(ItemState::Cancelled)));
}

qint64 RunStore::cancelQueued(const QList<qint64> &spared)
{
    QString sql = u"UPDATE items SET state = %1 WHERE state = %2"_s.arg(
        stateSql(ItemState::Cancelled), stateSql(ItemState::Queued));
    if (!spared.isEmpty()) {
        QStringList indices;
        indices.reserve(spared.size());
        for (qint64 idx : spared)
            indices.append(QString::number(idx));
        sql += u" AND idx NOT IN (%1)"_s.arg(indices.join(u','));
    }
    return changeState(sql);
}

void RunStore::saveResult(const ItemResult &result)
{
    m_pendingResults.push_back(result);
}

void RunStore::saveAttempt(const AttemptRecord &attempt)
{
    m_pendingAttempts.push_back(attempt);
}

Result<bool, QString> RunStore::flush()
{
    if (!hasUnflushed())
        return true;
    if (auto written = writePending(); !written)
        return fail(tr("Cannot save results to %1: %2.").arg(displayPath(), written.error()));
    // Only now: after a failed flush the caller can retry with nothing lost.
    m_pendingResults.clear();
    m_pendingAttempts.clear();
    return true;
}

Result<bool, QString> RunStore::writePending()
{
    Transaction transaction(m_db);
    if (auto begun = transaction.begin(); !begun)
        return fail(begun.error());

    if (auto prepared = m_updateResult.prepareOnce(
            m_db, "UPDATE items SET state = ?, output = ?, error = ?, http_status = ?,"
                  " error_type = ?, attempts = ?, latency_ms = ?, input_tokens = ?,"
                  " output_tokens = ?, cost_usd = ?, usage_estimated = ?, updated_at = ?"
                  " WHERE idx = ?");
        !prepared)
        return prepared;
    const QString now = isoUtc(QDateTime::currentDateTimeUtc());
    for (const ItemResult &result : m_pendingResults) {
        m_updateResult.bindInteger(1, int(result.state));
        m_updateResult.bindText(2, result.output);
        m_updateResult.bindText(3, result.error);
        m_updateResult.bindInteger(4, result.httpStatus);
        m_updateResult.bindText(5, result.errorType);
        m_updateResult.bindInteger(6, result.attempts);
        m_updateResult.bindInteger(7, result.latencyMs);
        m_updateResult.bindInteger(8, result.inputTokens);
        m_updateResult.bindInteger(9, result.outputTokens);
        m_updateResult.bindReal(10, result.costUsd);
        m_updateResult.bindInteger(11, result.usageEstimated ? 1 : 0);
        m_updateResult.bindText(12, now);
        m_updateResult.bindInteger(13, result.idx);
        if (auto ran = m_updateResult.run(); !ran)
            return ran;
        // An UPDATE of a missing row succeeds silently; the result would vanish.
        if (m_updateResult.changes() == 0)
            return fail(tr("there is no item %1").arg(result.idx));
    }

    if (auto prepared = m_insertAttempt.prepareOnce(
            m_db, "INSERT OR REPLACE INTO attempts(idx, number, started_at, latency_ms,"
                  " http_status, error_type, message) VALUES(?, ?, ?, ?, ?, ?, ?)");
        !prepared)
        return prepared;
    for (const AttemptRecord &attempt : m_pendingAttempts) {
        m_insertAttempt.bindInteger(1, attempt.idx);
        m_insertAttempt.bindInteger(2, attempt.number);
        m_insertAttempt.bindText(3, isoUtc(attempt.startedAt));
        m_insertAttempt.bindInteger(4, attempt.latencyMs);
        m_insertAttempt.bindInteger(5, attempt.httpStatus);
        m_insertAttempt.bindText(6, attempt.errorType);
        m_insertAttempt.bindText(7, attempt.message);
        if (auto ran = m_insertAttempt.run(); !ran)
            return ran;
    }

    return transaction.commit();
}

ItemCounts RunStore::counts() const
{
    ItemCounts counts;
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    const QString sql = u"SELECT COUNT(*), COALESCE(SUM(state IN (%1, %2, %3)), 0),"
                        " COALESCE(SUM(state = %4), 0), COALESCE(SUM(state = %5), 0),"
                        " COALESCE(SUM(state = %6), 0), COALESCE(SUM(input_tokens), 0),"
                        " COALESCE(SUM(output_tokens), 0), TOTAL(cost_usd) FROM items"_s
                            .arg(stateSql(ItemState::Queued), stateSql(ItemState::InFlight),
                                 stateSql(ItemState::Retrying), stateSql(ItemState::Ok),
                                 stateSql(ItemState::Failed), stateSql(ItemState::Cancelled));
    if (!query.exec(sql) || !query.next()) {
        qCWarning(lcStore) << "cannot count items in" << m_path << ":" << sqlError(query);
        return counts;
    }
    counts.total = query.value(0).toLongLong();
    counts.queued = query.value(1).toLongLong();
    counts.ok = query.value(2).toLongLong();
    counts.failed = query.value(3).toLongLong();
    counts.cancelled = query.value(4).toLongLong();
    counts.inputTokens = query.value(5).toLongLong();
    counts.outputTokens = query.value(6).toLongLong();
    counts.costUsd = query.value(7).toDouble();
    return counts;
}

namespace {

// Reads a row selected with ResultColumns, in that order.
ItemResult readResult(const SqliteStatement &row)
{
    ItemResult result;
    result.idx = row.columnInteger(0);
    result.state = ItemState(row.columnInteger(1));
    result.output = row.columnText(2);
    result.error = row.columnText(3);
    result.httpStatus = int(row.columnInteger(4));
    result.errorType = row.columnText(5);
    result.attempts = int(row.columnInteger(6));
    result.latencyMs = row.columnInteger(7);
    result.inputTokens = row.columnInteger(8);
    result.outputTokens = row.columnInteger(9);
    result.costUsd = row.columnReal(10);
    result.usageEstimated = row.columnInteger(11) != 0;
    return result;
}

} // namespace

ItemResult RunStore::result(qint64 idx) const
{
    // The page read's statement with a page of one: the first item from idx on, if it is idx.
    QList<ItemResult> found = results(idx, 1);
    if (found.isEmpty() || found.first().idx != idx) {
        ItemResult missing;
        missing.idx = -1;
        return missing;
    }
    return found.takeFirst();
}

QList<ItemResult> RunStore::results(qint64 fromIdx, int limit) const
{
    QList<ItemResult> list;
    if (limit <= 0)
        return list;
    static const QByteArray sql = "SELECT " + ResultColumns.toLatin1()
        + " FROM items WHERE idx >= ? ORDER BY idx LIMIT ?";
    if (!prepareRead(m_selectResults, sql.constData()))
        return list;
    m_selectResults.bindInteger(1, fromIdx);
    m_selectResults.bindInteger(2, limit);
    list.reserve(std::min(limit, ReservedRows));
    while (readRow(m_selectResults))
        list.append(readResult(m_selectResults));
    return list;
}

QList<AttemptRecord> RunStore::attempts(qint64 idx) const
{
    QList<AttemptRecord> list;
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!query.prepare(u"SELECT number, started_at, latency_ms, http_status, error_type, message"
                       " FROM attempts WHERE idx = ? ORDER BY number"_s))
        return list;
    query.bindValue(0, idx);
    if (!query.exec())
        return list;
    while (query.next()) {
        AttemptRecord attempt;
        attempt.idx = idx;
        attempt.number = query.value(0).toInt();
        attempt.startedAt = QDateTime::fromString(query.value(1).toString(), Qt::ISODateWithMs);
        attempt.latencyMs = query.value(2).toLongLong();
        attempt.httpStatus = query.value(3).toInt();
        attempt.errorType = query.value(4).toString();
        attempt.message = query.value(5).toString();
        list.append(attempt);
    }
    return list;
}

QString RunStore::sqlError(const QSqlQuery &query) const
{
    return errorText(query.lastError());
}

QString RunStore::displayPath() const
{
    return QDir::toNativeSeparators(m_path);
}

} // namespace Salvo
