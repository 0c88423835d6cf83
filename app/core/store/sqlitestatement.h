// SqliteStatement: one statement prepared once on a QSqlDatabase's own SQLite handle, for the
// writes made for every answer and the reads of every item (sending, exporting). QSqlQuery costs
// about 2,000 instructions a bound or read value (QVariant, placeholder bookkeeping, UTF-16 text
// that SQLite converts again), which made saving an answer cost more than sending it;
// sqlite3_bind_* and sqlite3_column_* cost a few dozen. Thread of its store.
#pragma once

#include "core/common/result.h"

#include <QByteArray>
#include <QString>

#include <vector>

class QSqlDatabase;
struct sqlite3;
struct sqlite3_stmt;

namespace Salvo {

class SqliteStatement final
{
public:
    SqliteStatement() = default;
    ~SqliteStatement();
    SqliteStatement(const SqliteStatement &) = delete;
    SqliteStatement &operator=(const SqliteStatement &) = delete;

    // Prepares `sql` (placeholders `?`) on the connection of `db`, which must be a QSQLITE one.
    [[nodiscard]] Result<bool, QString> prepare(const QSqlDatabase &db, const char *sql);
    // prepare() at the first call; later calls keep the statement as it is.
    [[nodiscard]] Result<bool, QString> prepareOnce(const QSqlDatabase &db, const char *sql);
    bool isPrepared() const { return m_statement != nullptr; }
    // Must run before the connection closes: SQLite refuses to close with statements alive.
    void finalize();

    // Placeholders count from 1, as in SQLite.
    void bindInteger(int placeholder, qint64 value);
    void bindReal(int placeholder, double value);
    // A null QString is bound as NULL, as QtSql does.
    void bindText(int placeholder, const QString &text);

    // Runs the statement with its bindings, then resets it for the next row.
    [[nodiscard]] Result<bool, QString> run();

    // For a query: true with the next row's columns readable, false after the last row (the
    // statement is then reset for the next bindings). Columns count from 0, as in SQLite.
    [[nodiscard]] Result<bool, QString> step();
    qint64 columnInteger(int column) const;
    double columnReal(int column) const;
    QString columnText(int column) const; // NULL reads as a null QString
    // Ends a query before its last row.
    void reset();
    // Rows the last run() changed.
    qint64 changes() const;

private:
    QString errorMessage() const;

    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_statement = nullptr;
    std::vector<QByteArray> m_texts; // bound without a copy, so kept until run()
};

} // namespace Salvo
