// XlsxZipBridge: lets libxlsxwriter and QuaZip live in one process. Both export minizip's
// functions under the same names (QuaZip carries its own fork of minizip, libxlsxwriter uses
// Debian's libminizip), and the dynamic linker binds every caller to QuaZip's copy, which it
// loads first. All of them behave the same but one: QuaZip's zipOpen() takes a QIODevice where
// minizip's takes a file name, so libxlsxwriter's call crashed. Salvo defines zipOpen() itself,
// which takes precedence over both libraries' copies; it opens the file name it is given as a
// QFile and hands that to QuaZip, so the rest of libxlsxwriter's calls find what they expect.
// Hand-written because no library settles the clash: neither can be built without minizip.
#pragma once

#include <QFile>

#include <memory>

namespace Salvo {

// Held around workbook_close(), on the thread that calls it: the file that zipOpen() opens
// lives as long as this object, and is closed when it ends.
class XlsxZipScope final
{
public:
    XlsxZipScope();
    ~XlsxZipScope();
    XlsxZipScope(const XlsxZipScope &) = delete;
    XlsxZipScope &operator=(const XlsxZipScope &) = delete;

    // Called by zipOpen(): the file it writes, or nullptr when none can be opened.
    static QFile *openForThread(const QString &path);

private:
    std::unique_ptr<QFile> m_file;
};

} // namespace Salvo
