#include "core/store/runstore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using Salvo::AttemptRecord;
using Salvo::ItemResult;
using Salvo::ItemState;
using Salvo::RunStore;

namespace {

// Runs statements on `path` through a connection of its own, closed again before returning, the
// way another program (or an older Salvo) would touch the file.
bool execRaw(const QString &path, const QStringList &statements)
{
    const QString name = u"tst-runstore-raw"_s;
    bool ok = true;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(path);
        ok = db.open();
        QSqlQuery query(db);
        for (const QString &statement : statements) {
            if (ok && !query.exec(statement)) {
                qWarning() << statement << query.lastError().text();
                ok = false;
            }
        }
        query.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

QVariant rawScalar(const QString &path, const QString &sql)
{
    const QString name = u"tst-runstore-scalar"_s;
    QVariant value;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery query(db);
            if (query.exec(sql) && query.next())
                value = query.value(0);
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return value;
}

// The schema of version 1 exactly as it shipped: migrations must keep reading such files.
const QStringList Version1Schema = {
    u"CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)"_s,
    u"CREATE TABLE items(idx INTEGER PRIMARY KEY, cells TEXT NOT NULL,"
    " state INTEGER NOT NULL DEFAULT 0, output TEXT, error TEXT,"
    " http_status INTEGER NOT NULL DEFAULT 0, error_type TEXT,"
    " attempts INTEGER NOT NULL DEFAULT 0, latency_ms INTEGER NOT NULL DEFAULT 0,"
    " input_tokens INTEGER NOT NULL DEFAULT 0, output_tokens INTEGER NOT NULL DEFAULT 0,"
    " cost_usd REAL NOT NULL DEFAULT 0)"_s,
    u"CREATE INDEX items_state_idx ON items(state, idx)"_s,
};

QStringList version1File()
{
    QStringList statements = Version1Schema;
    statements << u"INSERT INTO meta VALUES('format', 'salvo-run')"_s
               << u"INSERT INTO meta VALUES('salvo_version', '0.0.9')"_s
               << u"INSERT INTO meta VALUES('created_at', '2024-01-02T03:04:05Z')"_s
               << u"INSERT INTO meta VALUES('config', '{\"model\":\"old-model\"}')"_s
               << u"INSERT INTO meta VALUES('columns', '[\"name\",\"city\"]')"_s
               << u"INSERT INTO items(idx, cells) VALUES(0, '[\"Ada\",\"London\"]')"_s
               << u"INSERT INTO items(idx, cells, state, output, attempts, latency_ms,"
                  " input_tokens, output_tokens, cost_usd)"
                  " VALUES(1, '[\"Grace\",\"New York\"]', 3, 'hello', 1, 420, 12, 34, 0.5)"_s
               << u"INSERT INTO items(idx, cells, state, error, http_status, error_type, attempts)"
                  " VALUES(2, '[\"Alan\",\"Wilmslow\"]', 4, 'overloaded', 529,"
                  " 'overloaded_error', 3)"_s
               << u"PRAGMA user_version = 1"_s;
    return statements;
}

// QVERIFY2 evaluates its message even when the check passes, and a Result holding a value has no
// error to read.
template<typename T>
QString why(const Salvo::Result<T, QString> &result)
{
    return result ? QString() : result.error();
}

QByteArray fileContents(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

ItemResult makeResult(qint64 idx, ItemState state)
{
    ItemResult result;
    result.idx = idx;
    result.state = state;
    return result;
}

QList<QStringList> numberedRows(qint64 from, qint64 count)
{
    QList<QStringList> rows;
    rows.reserve(count);
    for (qint64 i = from; i < from + count; ++i)
        rows.append({u"row %1"_s.arg(i), QString::number(i * 7)});
    return rows;
}

} // namespace

class TestRunStore final : public QObject
{
    Q_OBJECT

private slots:
    void createAndReopenKeepsEverything();
    void createRefusesExistingPath();
    void createFailsInMissingDirectory();
    void openRejectsForeignFiles_data();
    void openRejectsForeignFiles();
    void migratesVersion1File();
    void failedMigrationLeavesFileUntouched();
    void appendContinuesIndices();
    void queuedItemsPagesInIdxOrder();
    void resultsNeedFlush();
    void failedFlushKeepsBuffers();
    void attemptsRoundTrip();
    void stateChangesReturnCounts();
    void countsSumUsage();
    void textRoundTripsExactly();
    void setConfigAndMetaPersist();
    void pagesThroughManyRows();

private:
    QString pathFor(const QString &name) const { return m_dir.filePath(name); }

    QTemporaryDir m_dir;
};

void TestRunStore::createAndReopenKeepsEverything()
{
    const QString path = pathFor(u"keep.salvo"_s);
    const QJsonObject config{{u"model"_s, u"claude-test"_s},
                             {u"prompt"_s, u"Summarise {{name}}"_s},
                             {u"maxTokens"_s, 256}};
    const QStringList columns{u"name"_s, u"city"_s};
    {
        auto created = RunStore::create(path, config, columns);
        QVERIFY2(created, qPrintable(why(created)));
        auto store = created.takeValue();
        QCOMPARE(store->schemaVersion(), RunStore::CurrentSchemaVersion);
        QVERIFY(store->appendItems({{u"Ada"_s, u"London"_s}, {u"Grace"_s, u"New York"_s}}));
    }
    auto opened = RunStore::open(path);
    QVERIFY2(opened, qPrintable(why(opened)));
    auto store = opened.takeValue();
    QCOMPARE(store->path(), path);
    QCOMPARE(store->schemaVersion(), 2);
    QCOMPARE(store->config(), config);
    QCOMPARE(store->columns(), columns);
    QCOMPARE(store->meta(u"format"_s), u"salvo-run"_s);
    QCOMPARE(store->meta(u"salvo_version"_s), QString::fromUtf8(SALVO_VERSION));
    const QDateTime createdAt = QDateTime::fromString(store->meta(u"created_at"_s), Qt::ISODate);
    QVERIFY(createdAt.isValid());
    QCOMPARE(createdAt.timeSpec(), Qt::UTC);
    QCOMPARE(store->itemCount(), 2);
    QCOMPARE(store->item(0).cells, (QStringList{u"Ada"_s, u"London"_s}));
    QCOMPARE(store->item(1).idx, 1);
    QCOMPARE(store->item(1).cells, (QStringList{u"Grace"_s, u"New York"_s}));
    QCOMPARE(store->item(2).idx, -1);
    QCOMPARE(store->result(5).idx, -1);
    QCOMPARE(store->result(1).state, ItemState::Queued);
    QCOMPARE(rawScalar(path, u"PRAGMA journal_mode"_s).toString(), u"wal"_s);
}

void TestRunStore::createRefusesExistingPath()
{
    const QString path = pathFor(u"exists.salvo"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("precious");
    file.close();

    const auto created = RunStore::create(path, {}, {u"a"_s});
    QVERIFY(!created);
    QVERIFY2(created.error().contains(u"exists.salvo"_s), qPrintable(why(created)));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("precious"));
}

void TestRunStore::createFailsInMissingDirectory()
{
    const auto created = RunStore::create(pathFor(u"no/such/dir/run.salvo"_s), {}, {});
    QVERIFY(!created);
    QVERIFY2(created.error().contains(u"run.salvo"_s), qPrintable(why(created)));
}

void TestRunStore::openRejectsForeignFiles_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("missing file") << u"missing"_s;
    QTest::newRow("directory") << u"directory"_s;
    QTest::newRow("text file") << u"text"_s;
    QTest::newRow("empty file") << u"empty"_s;
    QTest::newRow("other SQLite file") << u"sqlite"_s;
    QTest::newRow("meta without format") << u"noformat"_s;
    QTest::newRow("newer schema") << u"newer"_s;
}

void TestRunStore::openRejectsForeignFiles()
{
    QFETCH(QString, kind);
    const QString fileName = u"foreign-%1.salvo"_s.arg(kind);
    const QString path = pathFor(fileName);
    if (kind == u"directory") {
        QVERIFY(QDir(m_dir.path()).mkdir(fileName));
    } else if (kind == u"text" || kind == u"empty") {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        if (kind == u"text") {
            for (int i = 0; i < 50; ++i)
                file.write("name,city\nAda,London\n");
        }
    } else if (kind == u"sqlite") {
        QVERIFY(execRaw(path, {u"CREATE TABLE notes(id INTEGER PRIMARY KEY, body TEXT)"_s,
                               u"INSERT INTO notes(body) VALUES('hi')"_s}));
    } else if (kind == u"noformat") {
        QVERIFY(execRaw(path, {u"CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT)"_s,
                               u"INSERT INTO meta VALUES('format', 'something-else')"_s,
                               u"PRAGMA user_version = 1"_s}));
    } else if (kind == u"newer") {
        {
            auto created = RunStore::create(path, {}, {u"a"_s});
            QVERIFY2(created, qPrintable(why(created)));
        }
        QVERIFY(execRaw(path, {u"PRAGMA user_version = 3"_s}));
    }
    const QByteArray before = fileContents(path);

    const auto opened = RunStore::open(path);
    QVERIFY(!opened);
    QVERIFY2(opened.error().contains(fileName), qPrintable(why(opened)));
    QCOMPARE(fileContents(path), before); // a refused file is left as it was
    if (kind == u"missing")
        QVERIFY(!QFileInfo::exists(path)); // and a missing one is not created
    if (kind == u"newer") {
        // Refused for its version alone: the same file at the current version opens.
        QVERIFY(execRaw(path, {u"PRAGMA user_version = 2"_s}));
        const auto current = RunStore::open(path);
        QVERIFY2(current, qPrintable(why(current)));
    }
}

void TestRunStore::migratesVersion1File()
{
    const QString path = pathFor(u"version1.salvo"_s);
    QVERIFY(execRaw(path, version1File()));
    {
        auto opened = RunStore::open(path);
        QVERIFY2(opened, qPrintable(why(opened)));
        auto store = opened.takeValue();
        QCOMPARE(store->schemaVersion(), 2);
        QCOMPARE(store->config().value(u"model"_s).toString(), u"old-model"_s);
        QCOMPARE(store->columns(), (QStringList{u"name"_s, u"city"_s}));
        QCOMPARE(store->meta(u"salvo_version"_s), u"0.0.9"_s);
        QCOMPARE(store->itemCount(), 3);
        QCOMPARE(store->item(1).cells, (QStringList{u"Grace"_s, u"New York"_s}));

        const ItemResult done = store->result(1);
        QCOMPARE(done.state, ItemState::Ok);
        QCOMPARE(done.output, u"hello"_s);
        QCOMPARE(done.attempts, 1);
        QCOMPARE(done.latencyMs, 420);
        QCOMPARE(done.inputTokens, 12);
        QCOMPARE(done.outputTokens, 34);
        QCOMPARE(done.costUsd, 0.5);
        QCOMPARE(done.usageEstimated, false);
        const ItemResult failed = store->result(2);
        QCOMPARE(failed.state, ItemState::Failed);
        QCOMPARE(failed.error, u"overloaded"_s);
        QCOMPARE(failed.httpStatus, 529);
        QCOMPARE(failed.errorType, u"overloaded_error"_s);
        QCOMPARE(store->queuedItems(-1, 10).size(), 1);

        AttemptRecord attempt;
        attempt.idx = 0;
        attempt.number = 1;
        attempt.startedAt = QDateTime::currentDateTimeUtc();
        attempt.httpStatus = 200;
        store->saveAttempt(attempt);
        ItemResult result = makeResult(0, ItemState::Ok);
        result.output = u"new"_s;
        result.usageEstimated = true;
        store->saveResult(result);
        const auto flushed = store->flush();
        QVERIFY2(flushed, qPrintable(why(flushed)));
    }
    QCOMPARE(rawScalar(path, u"PRAGMA user_version"_s).toInt(), 2);
    auto opened = RunStore::open(path);
    QVERIFY2(opened, qPrintable(why(opened)));
    auto store = opened.takeValue();
    QCOMPARE(store->schemaVersion(), 2);
    QCOMPARE(store->attempts(0).size(), 1);
    QCOMPARE(store->attempts(0).first().httpStatus, 200);
    QCOMPARE(store->result(0).output, u"new"_s);
    QCOMPARE(store->result(0).usageEstimated, true);
    QCOMPARE(store->result(1).output, u"hello"_s);
}

void TestRunStore::failedMigrationLeavesFileUntouched()
{
    // A table in the way makes step 1 -> 2 fail halfway, after its ALTER TABLEs have run.
    const QString path = pathFor(u"blocked-migration.salvo"_s);
    QStringList statements = version1File();
    statements << u"CREATE TABLE attempts(anything TEXT)"_s;
    QVERIFY(execRaw(path, statements));

    const auto opened = RunStore::open(path);
    QVERIFY(!opened);
    QVERIFY2(opened.error().contains(u"blocked-migration.salvo"_s), qPrintable(why(opened)));
    QCOMPARE(rawScalar(path, u"PRAGMA user_version"_s).toInt(), 1);
    QCOMPARE(rawScalar(path, u"SELECT COUNT(*) FROM pragma_table_info('items')"
                             " WHERE name = 'usage_estimated'"_s)
                 .toInt(),
             0);
    QCOMPARE(rawScalar(path, u"SELECT output FROM items WHERE idx = 1"_s).toString(),
             u"hello"_s);
}

void TestRunStore::appendContinuesIndices()
{
    const QString path = pathFor(u"append.salvo"_s);
    {
        auto created = RunStore::create(path, {}, {u"n"_s, u"m"_s});
        QVERIFY2(created, qPrintable(why(created)));
        auto store = created.takeValue();
        QCOMPARE(store->itemCount(), 0);
        QVERIFY(store->appendItems({}));
        QCOMPARE(store->itemCount(), 0);
        QVERIFY(store->appendItems(numberedRows(0, 3)));
        QVERIFY(store->appendItems(numberedRows(3, 2)));
        QCOMPARE(store->itemCount(), 5);
    }
    auto opened = RunStore::open(path);
    QVERIFY2(opened, qPrintable(why(opened)));
    auto store = opened.takeValue();
    QVERIFY(store->appendItems(numberedRows(5, 1)));
    QVERIFY(store->appendItems(numberedRows(6, 130))); // whole blocks of rows and a tail
    QCOMPARE(store->itemCount(), 136);
    for (qint64 i = 0; i < 136; ++i)
        QCOMPARE(store->item(i).cells, numberedRows(i, 1).first());
    QCOMPARE(store->counts().total, 136);
}

void TestRunStore::queuedItemsPagesInIdxOrder()
{
    auto created = RunStore::create(pathFor(u"paging.salvo"_s), {}, {u"n"_s, u"m"_s});
    QVERIFY2(created, qPrintable(why(created)));
    auto store = created.takeValue();
    QVERIFY(store->appendItems(numberedRows(0, 10)));
    for (qint64 idx : {2, 3, 7})
        store->saveResult(makeResult(idx, ItemState::Ok));
    QVERIFY(store->flush());

    QList<qint64> seen;
    qint64 after = -1;
    for (;;) {
        const QList<Salvo::ItemRow> page = store->queuedItems(after, 3);
        if (page.isEmpty())
            break;
        QVERIFY(page.size() <= 3);
        for (const Salvo::ItemRow &row : page) {
            QCOMPARE(row.cells, numberedRows(row.idx, 1).first());
            seen.append(row.idx);
        }
        after = page.last().idx;
    }
    QCOMPARE(seen, (QList<qint64>{0, 1, 4, 5, 6, 8, 9}));
    QCOMPARE(store->queuedItems(5, 100).first().idx, 6);
    QVERIFY(store->queuedItems(9, 100).isEmpty());
    QVERIFY(store->queuedItems(-1, 0).isEmpty());
}

void TestRunStore::resultsNeedFlush()
{
    const QString path = pathFor(u"durable.salvo"_s);
    ItemResult result = makeResult(1, ItemState::Ok);
    result.output = u"answer"_s;
    result.inputTokens = 10;
    {
        auto created = RunStore::create(path, {}, {u"n"_s, u"m"_s});
        QVERIFY2(created, qPrintable(why(created)));
        auto store = created.takeValue();
        QVERIFY(store->appendItems(numberedRows(0, 3)));
        store->saveResult(result);
        QVERIFY(store->hasUnflushed());
        QCOMPARE(store->result(1).state, ItemState::Queued); // reads see the file only
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"never flushed"_s));
    }
    {
        auto opened = RunStore::open(path);
        QVERIFY2(opened, qPrintable(why(opened)));
        auto store = opened.takeValue();
        QCOMPARE(store->result(1).state, ItemState::Queued);
        QVERIFY(store->result(1).output.isEmpty());

        store->saveResult(result);
        const auto flushed = store->flush();
        QVERIFY2(flushed, qPrintable(why(flushed)));
        QVERIFY(!store->hasUnflushed());
        QVERIFY(store->flush()); // nothing buffered: nothing to do

        // A second connection stands in for the next process after a crash: what it sees is
        // committed to the file, while the writer is still open.
        auto second = RunStore::open(path);
        QVERIFY2(second, qPrintable(why(second)));
        QCOMPARE(second.value()->result(1).state, ItemState::Ok);
        QCOMPARE(second.value()->result(1).output, u"answer"_s);
        QCOMPARE(second.value()->result(1).inputTokens, 10);

        ItemResult later = makeResult(2, ItemState::Failed);
        store->saveResult(later);
        QCOMPARE(second.value()->result(2).state, ItemState::Queued);
        QVERIFY(store->flush());
        QCOMPARE(second.value()->result(2).state, ItemState::Failed);
    }
    auto opened = RunStore::open(path);
    QVERIFY2(opened, qPrintable(why(opened)));
    QCOMPARE(opened.value()->result(1).output, u"answer"_s);
    QCOMPARE(opened.value()->result(2).state, ItemState::Failed);
}

void TestRunStore::failedFlushKeepsBuffers()
{
    const QString path = pathFor(u"badflush.salvo"_s);
    auto created = RunStore::create(path, {}, {u"n"_s, u"m"_s});
    QVERIFY2(created, qPrintable(why(created)));
    auto store = created.takeValue();
    QVERIFY(store->appendItems(numberedRows(0, 2)));

    store->saveResult(makeResult(0, ItemState::Ok));
    store->saveResult(makeResult(99, ItemState::Ok)); // no such item
    auto flushed = store->flush();
    QVERIFY(!flushed);
    QVERIFY2(flushed.error().contains(u"badflush.salvo"_s), qPrintable(why(flushed)));
    QVERIFY(store->hasUnflushed());
    QCOMPARE(store->result(0).state, ItemState::Queued); // the whole batch rolled back

    auto other = RunStore::create(pathFor(u"badflush-attempt.salvo"_s), {}, {u"n"_s});
    QVERIFY2(other, qPrintable(why(other)));
    AttemptRecord orphan;
    orphan.idx = 5;
    orphan.number = 1;
    other.value()->saveAttempt(orphan);
    flushed = other.value()->flush();
    QVERIFY(!flushed); // the foreign key refuses an attempt at an item that does not exist
    QVERIFY(other.value()->hasUnflushed());
    QVERIFY(other.value()->attempts(5).isEmpty());
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"never flushed"_s));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"never flushed"_s));
}

void TestRunStore::attemptsRoundTrip()
{
    const QString path = pathFor(u"attempts.salvo"_s);
    const QDateTime first(QDate(2024, 5, 1), QTime(12, 0, 0, 250), Qt::UTC);
    const QDateTime second = first.addMSecs(1500);
    {
        auto created = RunStore::create(path, {}, {u"n"_s, u"m"_s});
        QVERIFY2(created, qPrintable(why(created)));
        auto store = created.takeValue();
        QVERIFY(store->appendItems(numberedRows(0, 2)));

        AttemptRecord failed;
        failed.idx = 1;
        failed.number = 1;
        failed.startedAt = first;
        failed.latencyMs = 812;
        failed.httpStatus = 429;
        failed.errorType = u"rate_limit_error"_s;
        failed.message = u"Number of requests exceeded"_s;
        AttemptRecord retried;
        retried.idx = 1;
        retried.number = 2;
        retried.startedAt = second;
        retried.latencyMs = 230;
        retried.httpStatus = 200;
        AttemptRecord network;
        network.idx = 0;
        network.number = 1; // no startedAt: stored as NULL
        network.errorType = u"network"_s;
        // Saved out of order: attempts() sorts by number.
        store->saveAttempt(retried);
        store->saveAttempt(failed);
        store->saveAttempt(network);
        AttemptRecord replaced = network;
        replaced.message = u"connection reset"_s; // the same attempt again replaces it
        store->saveAttempt(replaced);
        QVERIFY(store->flush());
    }
    auto opened = RunStore::open(path);
    QVERIFY2(opened, qPrintable(why(opened)));
    auto store = opened.takeValue();
    const QList<AttemptRecord> list = store->attempts(1);
    QCOMPARE(list.size(), 2);
    QCOMPARE(list[0].idx, 1);
    QCOMPARE(list[0].number, 1);
    QCOMPARE(list[0].startedAt, first);
    QCOMPARE(list[0].latencyMs, 812);
    QCOMPARE(list[0].httpStatus, 429);
    QCOMPARE(list[0].errorType, u"rate_limit_error"_s);
    QCOMPARE(list[0].message, u"Number of requests exceeded"_s);
    QCOMPARE(list[1].number, 2);
    QCOMPARE(list[1].startedAt, second);
    QCOMPARE(list[1].httpStatus, 200);
    QVERIFY(list[1].errorType.isEmpty());

    const QList<AttemptRecord> other = store->attempts(0);
    QCOMPARE(other.size(), 1);
    QVERIFY(!other[0].startedAt.isValid());
    QCOMPARE(other[0].message, u"connection reset"_s);
    QVERIFY(store->attempts(7).isEmpty());
}

void TestRunStore::stateChangesReturnCounts()
{
    const QString path = pathFor(u"states.salvo"_s);
    auto created = RunStore::create(path, {}, {u"n"_s, u"m"_s});
    QVERIFY2(created, qPrintable(why(created)));
    auto store = created.takeValue();
    QVERIFY(store->appendItems(numberedRows(0, 10)));
    ItemResult failed = makeResult(2, ItemState::Failed);
    failed.error = u"server said no"_s;
    store->saveResult(makeResult(0, ItemState::InFlight));
    store->saveResult(makeResult(1, ItemState::Retrying));
    store->saveResult(failed);
    store->saveResult(makeResult(3, ItemState::Failed));
    store->saveResult(makeResult(4, ItemState::Cancelled));
    store->saveResult(makeResult(5, ItemState::Ok));
    QVERIFY(store->flush());
    QCOMPARE(store->counts().queued, 6); // 6..9 plus the unfinished 0 and 1

    QCOMPARE(store->requeueUnfinished(), 2);
    QCOMPARE(store->requeueUnfinished(), 0);
    QCOMPARE(store->result(0).state, ItemState::Queued);
    QCOMPARE(store->result(1).state, ItemState::Queued);

    QCOMPARE(store->requeueFailed(), 2);
    QCOMPARE(store->result(2).state, ItemState::Queued);
    QCOMPARE(store->result(2).error, u"server said no"_s);

    QCOMPARE(store->cancelQueued(), 8);
    QVERIFY(store->queuedItems(-1, 100).isEmpty());
    QCOMPARE(store->counts().cancelled, 9);

    QCOMPARE(store->requeueCancelled(), 9);
    QCOMPARE(store->queuedItems(-1, 100).size(), 9);
    QCOMPARE(store->result(5).state, ItemState::Ok);

    // A second connection sees the change: each is committed on its own.
    auto second = RunStore::open(path);
    QVERIFY2(second, qPrintable(why(second)));
    QCOMPARE(second.value()->counts().queued, 9);
    QCOMPARE(second.value()->counts().ok, 1);
}

void TestRunStore::countsSumUsage()
{
    auto created = RunStore::create(pathFor(u"counts.salvo"_s), {}, {u"n"_s, u"m"_s});
    QVERIFY2(created, qPrintable(why(created)));
    auto store = created.takeValue();

    const Salvo::ItemCounts empty = store->counts();
    QCOMPARE(empty.total, 0);
    QCOMPARE(empty.inputTokens, 0);
    QCOMPARE(empty.costUsd, 0.0);

    QVERIFY(store->appendItems(numberedRows(0, 6)));
    ItemResult a = makeResult(0, ItemState::Ok);
    a.inputTokens = 100;
    a.outputTokens = 40;
    a.costUsd = 0.25;
    ItemResult b = makeResult(1, ItemState::Ok);
    b.inputTokens = 3'000'000'000; // past 32 bits
    b.outputTokens = 7;
    b.costUsd = 0.5;
    ItemResult c = makeResult(2, ItemState::Failed);
    c.inputTokens = 5;
    c.costUsd = 0.125;
    store->saveResult(a);
    store->saveResult(b);
    store->saveResult(c);
    store->saveResult(makeResult(3, ItemState::Cancelled));
    QVERIFY(store->flush());

    const Salvo::ItemCounts counts = store->counts();
    QCOMPARE(counts.total, 6);
    QCOMPARE(counts.queued, 2);
    QCOMPARE(counts.ok, 2);
    QCOMPARE(counts.failed, 1);
    QCOMPARE(counts.cancelled, 1);
    QCOMPARE(counts.inputTokens, 3'000'000'105);
    QCOMPARE(counts.outputTokens, 47);
    QCOMPARE(counts.costUsd, 0.875);
}

void TestRunStore::textRoundTripsExactly()
{
    const QString path = pathFor(u"text-ünï 日本.salvo"_s);
    QString big;
    while (big.size() < 100 * 1024)
        big += u"Zeile mit ü, 日本語, 🚀 and \"quotes\"\\\r\n\t"_s;
    const QString unicode = u"naïve café — Ελληνικά 日本語 🚀👩‍👩‍👧"_s;
    const QString newlines = u"line 1\nline 2\r\nline 3\rend\n"_s;
    const QString controls = u"nul \0 bell \a escape \x1b del \x7f"_s;
    const QList<QStringList> rows = {
        {unicode, newlines},
        {big, u""_s},
        {controls, u"[\"not\", \"json\"]"_s},
        {},
        {u"only one"_s},
    };
    const QStringList columns{u"Spalte ä"_s, u"列\n2"_s};
    const QJsonObject config{{u"prompt"_s, big}, {u"system"_s, unicode}};
    QVERIFY(controls.contains(QChar(0)));

    {
        auto created = RunStore::create(path, config, columns);
        QVERIFY2(created, qPrintable(why(created)));
        auto store = created.takeValue();
        QVERIFY(store->appendItems(rows));
        for (qint64 idx = 0; idx < 3; ++idx) {
            ItemResult result = makeResult(idx, ItemState::Ok);
            result.output = rows[idx].first();
            result.error = rows[idx].last();
            result.errorType = unicode;
            store->saveResult(result);
            AttemptRecord attempt;
            attempt.idx = idx;
            attempt.number = 1;
            attempt.message = rows[idx].first();
            store->saveAttempt(attempt);
        }
        QVERIFY(store->flush());
    }
    auto opened = RunStore::open(path);
    QVERIFY2(opened, qPrintable(why(opened)));
    auto store = opened.takeValue();
    QCOMPARE(store->columns(), columns);
    QCOMPARE(store->config(), config);
    for (qint64 idx = 0; idx < rows.size(); ++idx)
        QCOMPARE(store->item(idx).cells, rows[idx]);
    const QList<ItemResult> results = store->results(0, 10);
    QCOMPARE(results.size(), rows.size());
    for (qint64 idx = 0; idx < 3; ++idx) {
        QCOMPARE(results[idx].idx, idx);
        QCOMPARE(results[idx].output, rows[idx].first());
        QCOMPARE(results[idx].output.size(), rows[idx].first().size());
        QCOMPARE(results[idx].error, rows[idx].last());
        QCOMPARE(results[idx].errorType, unicode);
        QCOMPARE(store->attempts(idx).first().message, rows[idx].first());
    }
    // The cells are JSON that other readers (SQLite's own functions, a script) understand too.
    QCOMPARE(rawScalar(path, u"SELECT COUNT(*) FROM items WHERE NOT json_valid(cells)"_s).toInt(),
             0);
    QCOMPARE(rawScalar(path, u"SELECT json_extract(cells, '$[0]') FROM items WHERE idx = 1"_s)
                 .toString(),
             big);
    QCOMPARE(rawScalar(path, u"SELECT json_extract(cells, '$[1]') FROM items WHERE idx = 0"_s)
                 .toString(),
             newlines);
    QCOMPARE(store->results(3, 10).first().idx, 3);
    QCOMPARE(store->results(1, 2).size(), 2);
}

void TestRunStore::setConfigAndMetaPersist()
{
    const QString path = pathFor(u"settings.salvo"_s);
    const QJsonObject changed{{u"model"_s, u"other"_s},
                              {u"stops"_s, QJsonArray{u"a"_s, u"b"_s}}};
    {
        auto created = RunStore::create(path, {{u"model"_s, u"first"_s}}, {u"n"_s});
        QVERIFY2(created, qPrintable(why(created)));
        auto store = created.takeValue();
        QVERIFY(store->setConfig(changed));
        QCOMPARE(store->config(), changed);
        store->setMeta(u"note"_s, u"résumé"_s);
        store->setMeta(u"empty"_s, QString());
        store->setMeta(u"columns"_s, u"[\"x\",\"y\"]"_s);
        QCOMPARE(store->columns(), (QStringList{u"x"_s, u"y"_s}));
    }
    auto opened = RunStore::open(path);
    QVERIFY2(opened, qPrintable(why(opened)));
    auto store = opened.takeValue();
    QCOMPARE(store->config(), changed);
    QCOMPARE(store->meta(u"note"_s), u"résumé"_s);
    QCOMPARE(store->meta(u"empty"_s), QString());
    QVERIFY(store->meta(u"absent"_s).isNull());
    QCOMPARE(store->columns(), (QStringList{u"x"_s, u"y"_s}));
}

void TestRunStore::pagesThroughManyRows()
{
    constexpr qint64 RowCount = 100'000;
    const QString path = pathFor(u"many.salvo"_s);
    {
        auto created = RunStore::create(path, {}, {u"n"_s, u"m"_s});
        QVERIFY2(created, qPrintable(why(created)));
        auto store = created.takeValue();
        const auto appended = store->appendItems(numberedRows(0, RowCount));
        QVERIFY2(appended, qPrintable(why(appended)));
        for (qint64 idx = 0; idx < RowCount; idx += 10)
            store->saveResult(makeResult(idx, ItemState::Ok));
        QVERIFY(store->flush());
    }
    auto opened = RunStore::open(path);
    QVERIFY2(opened, qPrintable(why(opened)));
    auto store = opened.takeValue();
    QCOMPARE(store->itemCount(), RowCount);

    qint64 seen = 0;
    qint64 after = -1;
    for (;;) {
        const QList<Salvo::ItemRow> page = store->queuedItems(after, 5000);
        if (page.isEmpty())
            break;
        for (const Salvo::ItemRow &row : page) {
            QVERIFY(row.idx > after);
            QVERIFY(row.idx % 10 != 0);
            after = row.idx;
        }
        QCOMPARE(page.last().cells, numberedRows(page.last().idx, 1).first());
        seen += page.size();
    }
    QCOMPARE(seen, RowCount - RowCount / 10);
    QCOMPARE(after, RowCount - 1);
    const Salvo::ItemCounts counts = store->counts();
    QCOMPARE(counts.total, RowCount);
    QCOMPARE(counts.ok, RowCount / 10);
}

QTEST_GUILESS_MAIN(TestRunStore)
#include "tst_runstore.moc"
