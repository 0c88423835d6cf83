#include "core/store/sqlitestatement.h"

#include <QSqlDatabase>
#include <QSqlDriver>
#include <QVariant>

#include <sqlite3.h>

namespace Salvo {

SqliteStatement::~SqliteStatement()
{
    finalize();
}

Result<bool, QString> SqliteStatement::prepare(const QSqlDatabase &db, const char *sql)
{
    finalize();
    // The documented way to reach a driver's native handle (QSqlDriver::handle()).
    const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return fail(QStringLiteral("the run file is not open through SQLite"));
    m_db = *static_cast<sqlite3 *const *>(handle.constData());
    if (!m_db)
        return fail(QStringLiteral("the run file is closed"));
    if (sqlite3_prepare_v3(m_db, sql, -1, SQLITE_PREPARE_PERSISTENT, &m_statement, nullptr)
        != SQLITE_OK) {
        const QString message = errorMessage();
        finalize();
        return fail(message);
    }
    return true;
}

Result<bool, QString> SqliteStatement::prepareOnce(const QSqlDatabase &db, const char *sql)
{
    if (isPrepared())
        return true;
    return prepare(db, sql);
}

void SqliteStatement::finalize()
{
    if (m_statement)
        sqlite3_finalize(m_statement);
    m_statement = nullptr;
    m_texts.clear();
}

void SqliteStatement::bindInteger(int placeholder, qint64 value)
{
    sqlite3_bind_int64(m_statement, placeholder, value);
}

void SqliteStatement::bindReal(int placeholder, double value)
{
    sqlite3_bind_double(m_statement, placeholder, value);
}

void SqliteStatement::bindText(int placeholder, const QString &text)
{
    if (text.isNull()) {
        sqlite3_bind_null(m_statement, placeholder);
        return;
    }
    m_texts.push_back(text.toUtf8());
    const QByteArray &utf8 = m_texts.back();
    sqlite3_bind_text(m_statement, placeholder, utf8.constData(), int(utf8.size()),
                      SQLITE_STATIC);
}

Result<bool, QString> SqliteStatement::run()
{
    const int status = sqlite3_step(m_statement);
    const QString message = status == SQLITE_DONE ? QString() : errorMessage();
    reset();
    if (status != SQLITE_DONE)
        return fail(message);
    return true;
}

Result<bool, QString> SqliteStatement::step()
{
    const int status = sqlite3_step(m_statement);
    if (status == SQLITE_ROW)
        return true;
    const QString message = status == SQLITE_DONE ? QString() : errorMessage();
    reset();
    if (status != SQLITE_DONE)
        return fail(message);
    return false;
}

qint64 SqliteStatement::columnInteger(int column) const
{
    return sqlite3_column_int64(m_statement, column);
}

double SqliteStatement::columnReal(int column) const
{
    return sqlite3_column_double(m_statement, column);
}

QString SqliteStatement::columnText(int column) const
{
    const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(m_statement, column));
    if (!text)
        return QString();
    return QString::fromUtf8(text, sqlite3_column_bytes(m_statement, column));
}

void SqliteStatement::reset()
{
    sqlite3_reset(m_statement);
    sqlite3_clear_bindings(m_statement);
    m_texts.clear();
}

qint64 SqliteStatement::changes() const
{
    return m_db ? sqlite3_changes64(m_db) : 0;
}

QString SqliteStatement::errorMessage() const
{
    return m_db ? QString::fromUtf8(sqlite3_errmsg(m_db)) : QStringLiteral("no database");
}

} // namespace Salvo
