#include "core/io/linesloader.h"

#include "core/io/textdecoder.h"
#include "core/store/runstore.h"

#include <QFile>
#include <QFileInfo>

#include <climits>
#include <optional>
#include <utility>

using namespace Qt::StringLiterals;

namespace Salvo {

namespace {

static_assert(LinesLoader::ChunkBytes >= TextDecoder::DetectionBytes,
              "the first chunk is what decides the encoding");

// Splits decoded text into lines across chunks and hands the non-blank ones to the sink.
class LineSplitter
{
public:
    LineSplitter(const QString &path, TableSink &sink, const LoadControl &control,
                 LoadReport &report)
        : m_path(path), m_fileName(QFileInfo(path).fileName()), m_sink(sink), m_control(control),
          m_report(report)
    {
        m_rows.reserve(LinesLoader::ChunkRows);
    }

    bool feed(QStringView text);
    bool finish();
    const std::optional<LoadError> &error() const { return m_error; }
    qint64 blankLines() const { return m_blankLines; }

private:
    bool endLine(QString &&line);
    bool flush();
    bool setError(LoadError::Kind kind, qint64 row, const QString &message)
    {
        m_error = LoadError{kind, m_path, row, 0, message};
        return false;
    }

    const QString m_path;
    const QString m_fileName;
    TableSink &m_sink;
    const LoadControl &m_control;
    LoadReport &m_report;
    QString m_partial; // the line so far, when a chunk's end cut it
    bool m_skipLf = false;
    bool m_begun = false;
    qint64 m_line = 1;
    qint64 m_blankLines = 0;
    qint64 m_firstBlankLine = 0;
    QList<QStringList> m_rows;
    std::optional<LoadError> m_error;
};

bool LineSplitter::feed(QStringView text)
{
    qsizetype start = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text[i].unicode();
        if (m_skipLf) { // the line ended at a CR; an LF right after it is part of that end
            m_skipLf = false;
            if (c == u'\n') {
                start = i + 1;
                continue;
            }
        }
        if (c != u'\n' && c != u'\r')
            continue;
        QString line;
        if (m_partial.isEmpty()) {
            line = text.sliced(start, i - start).toString();
        } else {
            m_partial.append(text.sliced(start, i - start));
            line = std::exchange(m_partial, QString());
        }
        start = i + 1;
        m_skipLf = c == u'\r';
        if (!endLine(std::move(line)))
            return false;
    }
    m_partial.append(text.sliced(start));
    if (m_partial.size() > LinesLoader::MaxLineLength) {
        return setError(LoadError::Kind::Malformed, m_line,
                        LinesLoader::tr("%1, line %2: the line is longer than %3 characters; "
                                        "this is not a text file Salvo can read.")
                            .arg(m_fileName, QString::number(m_line),
                                 QString::number(LinesLoader::MaxLineLength)));
    }
    return true;
}

bool LineSplitter::finish()
{
    if (!m_partial.isEmpty() && !endLine(std::exchange(m_partial, QString())))
        return false;
    if (!m_begun && m_rows.isEmpty()) {
        return setError(LoadError::Kind::Empty, 0,
                        m_blankLines > 0
                            ? LinesLoader::tr("%1 has only blank lines.").arg(m_fileName)
                            : LinesLoader::tr("%1 is empty.").arg(m_fileName));
    }
    if (!flush())
        return false;
    if (m_blankLines > 0) {
        m_report.warn(0, 0,
                      LinesLoader::tr("Skipped %n blank line(s), the first at line %1.", nullptr,
                                      int(std::min<qint64>(m_blankLines, INT_MAX)))
                          .arg(m_firstBlankLine));
    }
    return true;
}

bool LineSplitter::endLine(QString &&line)
{
    const qint64 number = m_line++;
    if (QStringView(line).trimmed().isEmpty()) {
        // An empty prompt is only a 400 waiting to happen.
        if (m_blankLines++ == 0)
            m_firstBlankLine = number;
        return true;
    }
    m_rows.append(QStringList{std::move(line)});
    if (m_rows.size() >= LinesLoader::ChunkRows)
        return flush();
    return true;
}

bool LineSplitter::flush()
{
    if (!m_begun) {
        m_begun = true;
        auto begun = m_sink.begin(m_report.columns);
        if (!begun) {
            return setError(LoadError::Kind::SinkFailed, 0,
                            LinesLoader::tr("%1: the lines could not be stored: %2")
                                .arg(m_fileName, begun.error()));
        }
    }
    if (m_rows.isEmpty())
        return true;
    auto appended = m_sink.append(m_rows);
    if (!appended) {
        return setError(LoadError::Kind::SinkFailed, 0,
                        LinesLoader::tr("%1: the lines could not be stored: %2")
                            .arg(m_fileName, appended.error()));
    }
    m_report.rows += m_rows.size();
    m_rows.clear();
    m_rows.reserve(LinesLoader::ChunkRows);
    if (m_control.cancelled()) {
        return setError(LoadError::Kind::Cancelled, 0,
                        LinesLoader::tr("Loading %1 was cancelled.").arg(m_fileName));
    }
    return true;
}

struct LinesResult
{
    Result<LoadReport, LoadError> report;
    qint64 blankLines = 0;
};

LinesResult loadLines(const QString &path, const LoadOptions &options, TableSink &sink,
                      const LoadControl &control)
{
    const QFileInfo info(path);
    const QString fileName = info.fileName();
    auto error = [&](LoadError::Kind kind, const QString &message) {
        return LinesResult{fail(LoadError{kind, path, 0, 0, message})};
    };
    QFile file(path);
    if (info.isDir() || !file.open(QIODevice::ReadOnly)) {
        return error(LoadError::Kind::CannotOpen,
                     LinesLoader::tr("Cannot open %1: %2")
                         .arg(fileName, info.isDir() ? LinesLoader::tr("it is a folder.")
                                                     : file.errorString()));
    }
    if (control.cancelled()) {
        return error(LoadError::Kind::Cancelled,
                     LinesLoader::tr("Loading %1 was cancelled.").arg(fileName));
    }
    const qint64 size = file.size();
    QByteArray buffer(LinesLoader::ChunkBytes, Qt::Uninitialized);
    qint64 bytesRead = 0;
    auto readChunk = [&]() -> std::optional<QByteArrayView> {
        const qint64 count = file.read(buffer.data(), LinesLoader::ChunkBytes);
        if (count < 0)
            return std::nullopt;
        bytesRead += count;
        return QByteArrayView(buffer.constData(), count);
    };
    auto cannotRead = [&] {
        return error(LoadError::Kind::CannotOpen,
                     LinesLoader::tr("Cannot read %1: %2").arg(fileName, file.errorString()));
    };

    const auto head = readChunk();
    if (!head)
        return cannotRead();
    bool atEnd = head->isEmpty() || file.atEnd();
    auto created = TextDecoder::forFile(*head, atEnd, options.encoding);
    if (!created)
        return error(LoadError::Kind::BadEncoding,
                     LinesLoader::tr("%1: %2").arg(fileName, created.error()));
    TextDecoder decoder = created.takeValue();

    LoadReport report;
    report.format = TableFormat::Lines;
    report.columns = LinesLoader::columns();
    report.encoding = decoder.name();
    if (decoder.isFallback())
        report.warn(0, 0, decoder.fallbackWarning());

    LineSplitter splitter(path, sink, control, report);
    QString text = decoder.decode(*head);
    for (;;) {
        if (atEnd)
            text += decoder.finish();
        if (!splitter.feed(text))
            return {fail(*splitter.error()), splitter.blankLines()};
        if (control.progress)
            control.progress(bytesRead, size);
        if (atEnd)
            break;
        if (control.cancelled()) {
            return error(LoadError::Kind::Cancelled,
                         LinesLoader::tr("Loading %1 was cancelled.").arg(fileName));
        }
        const auto chunk = readChunk();
        if (!chunk)
            return cannotRead();
        atEnd = chunk->isEmpty() || file.atEnd();
        text = decoder.decode(*chunk);
    }
    if (!splitter.finish())
        return {fail(*splitter.error()), splitter.blankLines()};
    if (decoder.hasError())
        report.warn(0, 0, decoder.invalidBytesWarning());
    return {std::move(report), splitter.blankLines()};
}

// The run file exists already, created with LinesLoader::columns().
class RunStoreSink final : public TableSink
{
public:
    explicit RunStoreSink(RunStore &store) : m_store(store) {}
    Result<bool, QString> begin(const QStringList &) override { return true; }
    Result<bool, QString> append(const QList<QStringList> &rows) override
    {
        return m_store.appendItems(rows);
    }

private:
    RunStore &m_store;
};

} // namespace

QStringList LinesLoader::columns()
{
    return {u"text"_s};
}

Result<LoadReport, LoadError> LinesLoader::load(const QString &path, const LoadOptions &options,
                                                TableSink &sink, const LoadControl &control)
{
    return loadLines(path, options, sink, control).report;
}

Result<LinesLoadReport, QString> LinesLoader::load(const QString &path, RunStore &store)
{
    RunStoreSink sink(store);
    LinesResult loaded = loadLines(path, LoadOptions{}, sink, LoadControl{});
    if (!loaded.report) {
        if (loaded.report.error().kind == LoadError::Kind::Empty)
            return LinesLoadReport{0, loaded.blankLines}; // the caller says "no items" its way
        return fail(loaded.report.error().message);
    }
    return LinesLoadReport{loaded.report.value().rows, loaded.blankLines};
}

} // namespace Salvo
