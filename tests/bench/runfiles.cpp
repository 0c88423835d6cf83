#include "bench/runfiles.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <array>
#include <vector>

using namespace Qt::StringLiterals;

namespace Salvo::Bench {

namespace {

enum class Seen : quint8 { Missing, Ok, Failed, Other };

constexpr std::array Topics{"billing", "shipping", "a refund", "a login problem", "an invoice",
                            "a late delivery", "the warranty", "account settings"};

} // namespace

Result<bool, QString> writeInput(const QString &path, qint64 items)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return fail(u"cannot write %1: %2"_s.arg(path, file.errorString()));
    QByteArray chunk;
    for (qint64 i = 1; i <= items; ++i) {
        chunk += "Ticket " + QByteArray::number(i)
                 + ": please classify this support request about "
                 + Topics[size_t(i) % Topics.size()] + '\n';
        if (chunk.size() > (1 << 20) || i == items) {
            if (file.write(chunk) != chunk.size())
                return fail(u"cannot write %1: %2"_s.arg(path, file.errorString()));
            chunk.clear();
        }
    }
    return true;
}

Result<OutputCount, QString> countOutput(const QString &path, qint64 items)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(u"cannot read %1: %2"_s.arg(path, file.errorString()));
    std::vector<Seen> seen(size_t(items), Seen::Missing);
    OutputCount count;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine();
        if (line.trimmed().isEmpty())
            continue;
        const QJsonObject object = QJsonDocument::fromJson(line).object();
        const qint64 idx = object.value(u"idx"_s).toInteger(-1);
        if (idx < 0 || idx >= items || seen[size_t(idx)] != Seen::Missing) {
            ++count.extra;
            continue;
        }
        const QString status = object.value(u"status"_s).toString();
        seen[size_t(idx)] = status == u"ok"_s       ? Seen::Ok
                            : status == u"failed"_s ? Seen::Failed
                                                    : Seen::Other;
    }
    for (const Seen state : seen) {
        if (state == Seen::Ok)
            ++count.ok;
        else if (state == Seen::Failed)
            ++count.failed;
        else
            ++count.lost;
    }
    return count;
}

} // namespace Salvo::Bench
