#include "core/io/jsonloader.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QJsonValue>
#include <QVariant>

#include <algorithm>
#include <climits>
#include <cmath>
#include <optional>

using namespace Qt::StringLiterals;

namespace Salvo {

namespace {

constexpr QByteArrayView Utf8Bom("\xEF\xBB\xBF", 3);

// The keys that become columns, in the order they are first seen, and the column of each.
class KeyUnion
{
public:
    void add(const QString &key)
    {
        if (m_index.contains(key))
            return;
        m_index.insert(key, int(m_keys.size()));
        m_keys.append(key);
    }
    void addAll(const QJsonObject &object)
    {
        for (auto it = object.constBegin(); it != object.constEnd(); ++it)
            add(it.key());
    }
    int indexOf(const QString &key) const { return m_index.value(key, -1); }
    const QStringList &keys() const { return m_keys; }

private:
    QStringList m_keys;
    QHash<QString, int> m_index;
};

bool isJsonSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// A member name as QJsonObject holds it; escapes are left to Qt's own parser.
std::optional<QString> decodeKey(QByteArrayView raw, bool escaped)
{
    if (!escaped)
        return QString::fromUtf8(raw);
    const QByteArray wrapped = "[\"" + raw.toByteArray() + "\"]";
    const QJsonDocument document = QJsonDocument::fromJson(wrapped);
    if (!document.isArray() || document.array().size() != 1 || !document.array().at(0).isString())
        return std::nullopt;
    return document.array().at(0).toString();
}

// Adds the member names of the objects `objectDepth` levels deep (1: `json` is itself an
// object; 2: the objects of a top-level array) in the order the file has them: QJsonObject
// sorts its keys, so that order is only in the text. Called on text QJsonDocument accepted,
// yet it stays in bounds on any input; callers add the parsed keys too, so a key missed here
// could only land later in the order, never be lost.
void addKeysInFileOrder(QByteArrayView json, int objectDepth, KeyUnion &keys)
{
    const qsizetype size = json.size();
    int depth = 0;
    for (qsizetype i = 0; i < size; ++i) {
        const char c = json[i];
        if (c == '{' || c == '[') {
            ++depth;
            continue;
        }
        if (c == '}' || c == ']') {
            --depth;
            continue;
        }
        if (c != '"')
            continue;
        const qsizetype start = i + 1;
        qsizetype end = start;
        bool escaped = false;
        for (; end < size && json[end] != '"'; ++end) {
            if (json[end] == '\\') {
                escaped = true;
                ++end; // the escaped character, which may be a quote
            }
        }
        end = std::min(end, size);
        i = end;
        if (depth != objectDepth)
            continue;
        qsizetype next = end + 1;
        while (next < size && isJsonSpace(json[next]))
            ++next;
        if (next >= size || json[next] != ':')
            continue; // a string value, not a member name
        if (const auto key = decodeKey(json.sliced(start, end - start), escaped))
            keys.add(*key);
    }
}

// QJsonParseError::offset is just past the token that failed (past the end of the text when
// a string or array never closes), except for text after the document, where it is the first
// character of that text; this is the byte to blame.
qint64 blamedOffset(const QJsonParseError &error)
{
    if (error.error == QJsonParseError::GarbageAtEnd)
        return error.offset;
    return std::max(0, error.offset - 1);
}

struct TextPosition
{
    qint64 line = 1;
    int column = 1;
};

// Where byte `offset` of UTF-8 `text` is: 1-based line, and column in characters. An offset
// past the end (Qt gives one for a string that never closes) is the last character.
TextPosition positionAt(QByteArrayView text, qint64 offset)
{
    offset = std::clamp<qint64>(offset, 0, std::max<qint64>(text.size() - 1, 0));
    TextPosition at;
    qint64 lineStart = 0;
    for (qint64 i = 0; i < offset; ++i) {
        if (text[i] == '\n') {
            ++at.line;
            lineStart = i + 1;
        }
    }
    qint64 column = 1;
    for (qint64 i = lineStart; i < offset; ++i) {
        if ((uchar(text[i]) & 0xC0) != 0x80) // a continuation byte is not a new character
            ++column;
    }
    at.column = int(std::min<qint64>(column, INT_MAX));
    return at;
}

// JSON's own names for its types: technical terms, not translated.
QString typeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return u"null"_s;
    case QJsonValue::Bool:
        return u"boolean"_s;
    case QJsonValue::Double:
        return u"number"_s;
    case QJsonValue::String:
        return u"string"_s;
    case QJsonValue::Array:
        return u"array"_s;
    case QJsonValue::Object:
        return u"object"_s;
    case QJsonValue::Undefined:
        break;
    }
    return u"value"_s;
}

// Why a JSON Lines line is not a row.
struct BadLine
{
    int column = 0;        // where parsing failed; 0 for a value that is not an object
    QString parseError;    // Qt's description, when the line is not valid JSON
    QString valueType;     // else the JSON type the line holds
};

std::optional<QJsonObject> parseLine(QByteArrayView line, BadLine &bad)
{
    QJsonParseError error;
    const QJsonDocument document =
        QJsonDocument::fromJson(QByteArray::fromRawData(line.data(), line.size()), &error);
    if (error.error == QJsonParseError::NoError) {
        if (document.isObject())
            return document.object();
        bad = {0, QString(), u"array"_s};
        return std::nullopt;
    }
    // QJsonDocument takes only an array or an object, so 42 or "text" fails to parse; say
    // what the line holds instead, as it is valid JSON.
    const QByteArray wrapped = '[' + line.toByteArray() + ']';
    const QJsonDocument inArray = QJsonDocument::fromJson(wrapped);
    if (inArray.isArray() && inArray.array().size() == 1) {
        bad = {0, QString(), typeName(inArray.array().at(0))};
        return std::nullopt;
    }
    bad = {positionAt(line, blamedOffset(error)).column, error.errorString(), QString()};
    return std::nullopt;
}

struct Context
{
    QString path;
    QString fileName;
    TableSink &sink;
    const LoadControl &control;
    LoadReport report;
    qint64 size = 0;

    Failure<LoadError> failure(LoadError::Kind kind, const QString &message, qint64 row = 0,
                               int column = 0) const
    {
        return fail(LoadError{kind, path, row, column, message});
    }
    Failure<LoadError> cancelled() const
    {
        return failure(LoadError::Kind::Cancelled,
                       JsonLoader::tr("Loading %1 was cancelled.").arg(fileName));
    }
    // Two phases (reading and parsing, then rows to the sink) share the bytes of the file.
    void progress(int phase, qint64 bytes) const
    {
        if (control.progress)
            control.progress(phase * (size / 2) + std::min(bytes, size) / 2, size);
    }
    void done() const
    {
        if (control.progress)
            control.progress(size, size);
    }
    Failure<LoadError> noKeys() const
    {
        return failure(LoadError::Kind::Empty,
                       JsonLoader::tr("The objects in %1 have no keys, so there are no columns "
                                      "to read.")
                           .arg(fileName));
    }
};

// Turns objects into rows under fixed columns and hands them to the sink in chunks.
class RowWriter
{
public:
    RowWriter(Context &context, const KeyUnion &keys) : m_context(context), m_keys(keys)
    {
        m_rows.reserve(JsonLoader::ChunkRows);
    }

    std::optional<LoadError> begin()
    {
        auto begun = m_context.sink.begin(m_context.report.columns);
        if (!begun)
            return sinkFailed(begun.error());
        return std::nullopt;
    }
    void add(const QJsonObject &object)
    {
        QStringList row(m_keys.keys().size());
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            // A key the first pass did not see (a file changed in between) has no column.
            const int column = m_keys.indexOf(it.key());
            if (column >= 0)
                row[column] = JsonLoader::cellText(it.value());
        }
        m_rows.append(std::move(row));
    }
    bool isFull() const { return m_rows.size() >= JsonLoader::ChunkRows; }
    std::optional<LoadError> flush()
    {
        if (m_rows.isEmpty())
            return std::nullopt;
        auto appended = m_context.sink.append(m_rows);
        if (!appended)
            return sinkFailed(appended.error());
        m_context.report.rows += m_rows.size();
        m_rows.clear();
        m_rows.reserve(JsonLoader::ChunkRows);
        return std::nullopt;
    }

private:
    LoadError sinkFailed(const QString &why) const
    {
        return LoadError{LoadError::Kind::SinkFailed, m_context.path, 0, 0,
                         JsonLoader::tr("%1: the rows could not be stored: %2")
                             .arg(m_context.fileName, why)};
    }

    Context &m_context;
    const KeyUnion &m_keys;
    QList<QStringList> m_rows;
};

Result<LoadReport, LoadError> loadArray(QFile &file, Context &context)
{
    const QString &fileName = context.fileName;
    auto tooLarge = [&] {
        return context.failure(
            LoadError::Kind::UnsupportedFile,
            JsonLoader::tr("%1 is larger than %2 MiB, too large to read as one JSON document. "
                           "Save it as JSON Lines (one object per line), which Salvo reads in "
                           "pieces.")
                .arg(fileName)
                .arg(JsonLoader::MaxJsonBytes / (1024 * 1024)));
    };
    if (context.size > JsonLoader::MaxJsonBytes)
        return tooLarge();

    QByteArray bytes;
    bytes.reserve(context.size + JsonLoader::ChunkBytes); // the last read asks for a chunk more
    for (;;) {
        const qsizetype old = bytes.size();
        bytes.resize(old + JsonLoader::ChunkBytes);
        const qint64 count = file.read(bytes.data() + old, JsonLoader::ChunkBytes);
        bytes.resize(old + std::max<qint64>(count, 0));
        if (count < 0) {
            return context.failure(
                LoadError::Kind::CannotOpen,
                JsonLoader::tr("Cannot read %1: %2").arg(fileName, file.errorString()));
        }
        if (bytes.size() > JsonLoader::MaxJsonBytes)
            return tooLarge(); // it grew since we asked its size
        context.progress(0, bytes.size());
        if (count == 0)
            break;
        if (context.control.cancelled())
            return context.cancelled();
    }

    QByteArrayView body(bytes);
    if (body.startsWith(Utf8Bom))
        body = body.sliced(Utf8Bom.size());
    if (body.trimmed().isEmpty())
        return context.failure(LoadError::Kind::Empty,
                               JsonLoader::tr("%1 is empty.").arg(fileName));

    QJsonParseError parseError;
    const QJsonDocument document =
        QJsonDocument::fromJson(QByteArray::fromRawData(body.data(), body.size()), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const TextPosition at = positionAt(body, blamedOffset(parseError));
        if (parseError.error == QJsonParseError::GarbageAtEnd && body.trimmed().startsWith('{')) {
            return context.failure(
                LoadError::Kind::Malformed,
                JsonLoader::tr("%1, line %2, column %3: more JSON follows the first object. "
                               "If the file holds one object per line, read it as JSON Lines.")
                    .arg(fileName)
                    .arg(at.line)
                    .arg(at.column),
                at.line, at.column);
        }
        return context.failure(LoadError::Kind::Malformed,
                               JsonLoader::tr("%1, line %2, column %3: this is not valid JSON "
                                              "(%4).")
                                   .arg(fileName)
                                   .arg(at.line)
                                   .arg(at.column)
                                   .arg(parseError.errorString()),
                               at.line, at.column);
    }
    if (!document.isArray()) {
        return context.failure(
            LoadError::Kind::UnsupportedFile,
            JsonLoader::tr("%1 holds a single JSON object. Salvo reads a list of objects "
                           "([{...}, {...}]), one row each, or JSON Lines (one object per line).")
                .arg(fileName));
    }
    if (context.control.cancelled())
        return context.cancelled();

    const QJsonArray records = document.array();
    if (records.isEmpty()) {
        return context.failure(LoadError::Kind::Empty,
                               JsonLoader::tr("%1 holds an empty list.").arg(fileName));
    }
    KeyUnion keys;
    addKeysInFileOrder(body, 2, keys);
    bytes = QByteArray(); // the document has its own copy; rows need the memory
    body = {};
    qint64 objects = 0;
    for (qsizetype i = 0; i < records.size(); ++i) {
        const QJsonValue record = records.at(i);
        if (record.isObject()) {
            ++objects;
            keys.addAll(record.toObject());
        } else {
            context.report.warn(i + 1, 0,
                                JsonLoader::tr("The record is a JSON %1, not an object; it is "
                                               "skipped.")
                                    .arg(typeName(record)));
        }
    }
    if (objects == 0) {
        return context.failure(
            LoadError::Kind::Empty,
            JsonLoader::tr("%1 holds no objects: none of its %n record(s) is an object.", nullptr,
                           int(std::min<qsizetype>(records.size(), INT_MAX)))
                .arg(fileName));
    }
    if (keys.keys().isEmpty())
        return context.noKeys();
    context.report.columns = uniqueColumnNames(keys.keys(), 0, context.report);

    RowWriter writer(context, keys);
    if (auto error = writer.begin())
        return fail(*error);
    for (qsizetype i = 0; i < records.size(); ++i) {
        const QJsonValue record = records.at(i);
        if (!record.isObject())
            continue;
        writer.add(record.toObject());
        if (writer.isFull()) {
            if (auto error = writer.flush())
                return fail(*error);
            context.progress(1, qint64(double(context.size) * double(i + 1)
                                       / double(records.size())));
            if (context.control.cancelled())
                return context.cancelled();
        }
    }
    if (auto error = writer.flush())
        return fail(*error);
    context.done();
    return context.report;
}

// Hands out the lines of a file a chunk at a time, so only the current line is held whole.
class LineReader
{
public:
    enum class Status { Line, End, TooLong, CannotRead };

    explicit LineReader(QFile &file) : m_file(file) {}

    // `line` is valid until the next call: without its LF or CRLF, and line 1 without a
    // UTF-8 byte order mark.
    Status next(QByteArrayView &line)
    {
        for (;;) {
            const qsizetype lf = m_buffer.indexOf('\n', std::max(m_pos, m_searched));
            if (lf >= 0)
                return take(lf, lf + 1, line);
            if (m_atEnd) {
                if (m_pos < m_buffer.size())
                    return take(m_buffer.size(), m_buffer.size(), line);
                return Status::End;
            }
            if (m_buffer.size() - m_pos > JsonLoader::MaxLineBytes) {
                ++m_line;
                return Status::TooLong;
            }
            m_buffer.remove(0, m_pos);
            m_pos = 0;
            m_searched = m_buffer.size();
            const qsizetype old = m_buffer.size();
            m_buffer.resize(old + JsonLoader::ChunkBytes);
            const qint64 count = m_file.read(m_buffer.data() + old, JsonLoader::ChunkBytes);
            m_buffer.resize(old + std::max<qint64>(count, 0));
            if (count < 0)
                return Status::CannotRead;
            m_bytesRead += count;
            m_atEnd = count == 0;
        }
    }
    qint64 lineNumber() const { return m_line; }
    qint64 bytesRead() const { return m_bytesRead; }

private:
    Status take(qsizetype end, qsizetype next, QByteArrayView &line)
    {
        if (end - m_pos > JsonLoader::MaxLineBytes) {
            ++m_line;
            return Status::TooLong;
        }
        line = QByteArrayView(m_buffer).sliced(m_pos, end - m_pos);
        m_pos = next;
        m_searched = next;
        if (++m_line == 1 && line.startsWith(Utf8Bom))
            line = line.sliced(Utf8Bom.size());
        if (line.endsWith('\r'))
            line.chop(1);
        return Status::Line;
    }

    QFile &m_file;
    QByteArray m_buffer;
    qsizetype m_pos = 0;      // where the next line starts
    qsizetype m_searched = 0; // no LF before this
    bool m_atEnd = false;
    qint64 m_line = 0;
    qint64 m_bytesRead = 0;
};

Result<LoadReport, LoadError> loadLines(QFile &file, const LoadOptions &options,
                                        Context &context)
{
    const QString &fileName = context.fileName;
    auto readFailure = [&](LineReader::Status status, qint64 line) {
        if (status == LineReader::Status::TooLong) {
            return context.failure(
                LoadError::Kind::Malformed,
                JsonLoader::tr("%1, line %2: the line is longer than %3 MiB; this is not a JSON "
                               "Lines file Salvo can read.")
                    .arg(fileName)
                    .arg(line)
                    .arg(JsonLoader::MaxLineBytes / (1024 * 1024)),
                line);
        }
        return context.failure(
            LoadError::Kind::CannotOpen,
            JsonLoader::tr("Cannot read %1: %2").arg(fileName, file.errorString()));
    };

    // Pass 1: the columns, and which lines are bad.
    KeyUnion keys;
    qint64 nonBlank = 0;
    qint64 objects = 0;
    qint64 firstBad = 0;
    qint64 reported = -1;
    {
        LineReader reader(file);
        QByteArrayView line;
        for (;;) {
            const LineReader::Status status = reader.next(line);
            if (status == LineReader::Status::End)
                break;
            if (status != LineReader::Status::Line)
                return readFailure(status, reader.lineNumber());
            if (reader.bytesRead() != reported) {
                reported = reader.bytesRead();
                context.progress(0, reported);
                if (context.control.cancelled())
                    return context.cancelled();
            }
            if (line.trimmed().isEmpty())
                continue;
            ++nonBlank;
            const qint64 number = reader.lineNumber();
            BadLine bad;
            if (const auto object = parseLine(line, bad)) {
                ++objects;
                addKeysInFileOrder(line, 1, keys);
                keys.addAll(*object);
                continue;
            }
            if (firstBad == 0)
                firstBad = number;
            if (options.stopOnBadLine) {
                if (!bad.parseError.isEmpty()) {
                    return context.failure(
                        LoadError::Kind::Malformed,
                        JsonLoader::tr("%1, line %2, column %3: the line is not valid JSON "
                                       "(%4).")
                            .arg(fileName)
                            .arg(number)
                            .arg(bad.column)
                            .arg(bad.parseError),
                        number, bad.column);
                }
                return context.failure(
                    LoadError::Kind::Malformed,
                    JsonLoader::tr("%1, line %2: the line holds a JSON %3, not an object.")
                        .arg(fileName)
                        .arg(number)
                        .arg(bad.valueType),
                    number);
            }
            if (!bad.parseError.isEmpty()) {
                context.report.warn(number, bad.column,
                                    JsonLoader::tr("The line is not valid JSON (%1); it is "
                                                   "skipped.")
                                        .arg(bad.parseError));
            } else {
                context.report.warn(number, 0,
                                    JsonLoader::tr("The line holds a JSON %1, not an object; it "
                                                   "is skipped.")
                                        .arg(bad.valueType));
            }
        }
    }
    if (nonBlank == 0) {
        return context.failure(LoadError::Kind::Empty,
                               context.size > 0
                                   ? JsonLoader::tr("%1 has only blank lines.").arg(fileName)
                                   : JsonLoader::tr("%1 is empty.").arg(fileName));
    }
    if (objects == 0) {
        return context.failure(LoadError::Kind::Empty,
                               JsonLoader::tr("%1 has no line holding a JSON object; the first "
                                              "bad line is line %2.")
                                   .arg(fileName)
                                   .arg(firstBad),
                               firstBad);
    }
    if (keys.keys().isEmpty())
        return context.noKeys();
    context.report.columns = uniqueColumnNames(keys.keys(), 0, context.report);

    // Pass 2: the rows. Bad lines were reported in pass 1.
    if (!file.seek(0))
        return readFailure(LineReader::Status::CannotRead, 0);
    RowWriter writer(context, keys);
    if (auto error = writer.begin())
        return fail(*error);
    LineReader reader(file);
    QByteArrayView line;
    reported = -1;
    for (;;) {
        const LineReader::Status status = reader.next(line);
        if (status == LineReader::Status::End)
            break;
        if (status != LineReader::Status::Line)
            return readFailure(status, reader.lineNumber());
        if (reader.bytesRead() != reported) {
            reported = reader.bytesRead();
            context.progress(1, reported);
            if (context.control.cancelled())
                return context.cancelled();
        }
        if (line.trimmed().isEmpty())
            continue;
        BadLine bad;
        if (const auto object = parseLine(line, bad))
            writer.add(*object);
        if (writer.isFull()) {
            if (auto error = writer.flush())
                return fail(*error);
            if (context.control.cancelled())
                return context.cancelled();
        }
    }
    if (auto error = writer.flush())
        return fail(*error);
    context.done();
    return context.report;
}

bool isUtf16Or32(QByteArrayView head)
{
    return head.startsWith("\xFF\xFE") || head.startsWith("\xFE\xFF")
           || head.startsWith(QByteArrayView("\0\0\xFE\xFF", 4));
}

TableFormat chooseFormat(const QString &path, TableFormat requested, QByteArrayView head)
{
    if (requested == TableFormat::Json || requested == TableFormat::Jsonl)
        return requested;
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == u"jsonl"_s || suffix == u"ndjson"_s)
        return TableFormat::Jsonl;
    if (head.startsWith(Utf8Bom))
        head = head.sliced(Utf8Bom.size());
    return head.trimmed().startsWith('[') ? TableFormat::Json : TableFormat::Jsonl;
}

} // namespace

QString JsonLoader::cellText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return {};
    case QJsonValue::Bool:
        return value.toBool() ? u"true"_s : u"false"_s;
    case QJsonValue::Double: {
        const QVariant number = value.toVariant();
        if (number.typeId() == QMetaType::LongLong)
            return QString::number(number.toLongLong());
        const double d = value.toDouble();
        // 2^53: beyond it a double is not an exact integer, and 1e+300 reads better than
        // 300 digits.
        if (std::isfinite(d) && std::trunc(d) == d && std::abs(d) < 9007199254740992.0)
            return QString::number(qint64(d));
        return QString::number(d, 'g', QLocale::FloatingPointShortest);
    }
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    }
    return {};
}

Result<LoadReport, LoadError> JsonLoader::load(const QString &path, const LoadOptions &options,
                                               TableSink &sink, const LoadControl &control)
{
    const QFileInfo info(path);
    Context context{path, info.fileName(), sink, control, LoadReport(), 0};
    QFile file(path);
    if (info.isDir() || !file.open(QIODevice::ReadOnly)) {
        return context.failure(LoadError::Kind::CannotOpen,
                               tr("Cannot open %1: %2")
                                   .arg(context.fileName, info.isDir() ? tr("it is a folder.")
                                                                       : file.errorString()));
    }
    if (control.cancelled())
        return context.cancelled();
    context.size = file.size();
    const QByteArray head = file.peek(ChunkBytes);
    if (isUtf16Or32(head)) {
        return context.failure(LoadError::Kind::BadEncoding,
                               tr("%1 is saved as UTF-16 or UTF-32; JSON files must be UTF-8.")
                                   .arg(context.fileName));
    }
    context.report.format = chooseFormat(path, options.format, head);
    context.report.encoding = u"UTF-8"_s;
    if (context.report.format == TableFormat::Json)
        return loadArray(file, context);
    return loadLines(file, options, context);
}

} // namespace Salvo
