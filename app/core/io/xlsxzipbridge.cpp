#include "core/io/xlsxzipbridge.h"

#include <quazip/zip.h>

namespace Salvo {

namespace {
thread_local XlsxZipScope *t_scope = nullptr;
} // namespace

XlsxZipScope::XlsxZipScope()
{
    t_scope = this;
}

XlsxZipScope::~XlsxZipScope()
{
    t_scope = nullptr;
}

QFile *XlsxZipScope::openForThread(const QString &path)
{
    if (!t_scope)
        return nullptr;
    auto file = std::make_unique<QFile>(path);
    if (!file->open(QIODevice::WriteOnly | QIODevice::Truncate))
        return nullptr;
    t_scope->m_file = std::move(file);
    return t_scope->m_file.get();
}

} // namespace Salvo

// minizip's zipOpen(const char *pathname, int append), as libxlsxwriter calls it. Only new
// archives are written (append 0); outside an XlsxZipScope nobody may open one.
extern "C" zipFile ZEXPORT zipOpen(voidpf file, int append)
{
    if (append != 0 || !file)
        return nullptr;
    QFile *device = Salvo::XlsxZipScope::openForThread(
        QFile::decodeName(static_cast<const char *>(file)));
    if (!device)
        return nullptr;
    // ZIP_AUTO_CLOSE: zipClose() closes the QFile, so its data is flushed before the rename.
    return zipOpen3(device, 0, nullptr, nullptr, ZIP_AUTO_CLOSE);
}
