#include "bench/machine.h"

#include <QFile>
#include <QList>
#include <QSysInfo>
#include <QThread>

#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Salvo::Bench::Machine {

namespace {

QByteArray firstLine(const char *path)
{
    QFile file(QString::fromLatin1(path));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readLine().trimmed();
}

} // namespace

double loadAverage()
{
    const QByteArray line = firstLine("/proc/loadavg");
    bool ok = false;
    const double load = line.split(' ').value(0).toDouble(&ok);
    return ok ? load : -1;
}

double busyCpuSeconds()
{
    // "cpu  user nice system idle iowait irq softirq steal ...", in clock ticks
    const QList<QByteArray> fields = firstLine("/proc/stat").simplified().split(' ');
    if (fields.size() < 8 || fields.first() != "cpu")
        return -1;
    qint64 busy = 0;
    for (qsizetype i = 1; i < fields.size() && i <= 8; ++i) {
        if (i != 4 && i != 5) // idle and iowait
            busy += fields.at(i).toLongLong();
    }
    return double(busy) / double(::sysconf(_SC_CLK_TCK));
}

QString description()
{
    return u"%1 cores, %2, kernel %3, Qt %4"_s.arg(QThread::idealThreadCount())
        .arg(QSysInfo::prettyProductName(), QSysInfo::kernelVersion(),
             QString::fromLatin1(qVersion()));
}

} // namespace Salvo::Bench::Machine
