#include "core/io/textdecoder.h"

using namespace Qt::StringLiterals;

namespace Salvo {

namespace {

constexpr QByteArrayView Utf8Bom("\xEF\xBB\xBF", 3);
constexpr QByteArrayView Utf16LEBom("\xFF\xFE", 2);
constexpr QByteArrayView Utf16BEBom("\xFE\xFF", 2);

// Windows-1252 is Latin-1 except for 0x80-0x9F. QStringConverter knows it only by name, and
// names other than the UTF and Latin-1 ones work only when Qt was built with ICU, which Debian's
// Qt is and other builds need not be. This table is all the difference, so the loaders read the
// files Excel writes on a German or French Windows the same way on every build. The five bytes
// Windows leaves undefined map to the C1 controls of the same value, as browsers do.
constexpr char16_t Windows1252High[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, // 0x80
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F, // 0x88
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, // 0x90
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178, // 0x98
};

QStringConverter::Encoding converterEncoding(TextDecoder::Encoding encoding)
{
    switch (encoding) {
    case TextDecoder::Encoding::Utf16LE:
        return QStringConverter::Utf16LE;
    case TextDecoder::Encoding::Utf16BE:
        return QStringConverter::Utf16BE;
    case TextDecoder::Encoding::Utf8:
    case TextDecoder::Encoding::Windows1252: // decoded by the table; the converter stays unused
        break;
    }
    return QStringConverter::Utf8;
}

QByteArrayView byteOrderMark(TextDecoder::Encoding encoding)
{
    switch (encoding) {
    case TextDecoder::Encoding::Utf8:
        return Utf8Bom;
    case TextDecoder::Encoding::Utf16LE:
        return Utf16LEBom;
    case TextDecoder::Encoding::Utf16BE:
        return Utf16BEBom;
    case TextDecoder::Encoding::Windows1252:
        break;
    }
    return {};
}

// How many bytes at the end of `bytes` start a UTF-8 sequence that the next bytes would finish.
// Invalid bytes are not held back: the converter reports them where they stand.
qsizetype incompleteUtf8Tail(QByteArrayView bytes)
{
    const qsizetype size = bytes.size();
    for (qsizetype back = 1; back <= std::min<qsizetype>(3, size); ++back) {
        const auto byte = static_cast<unsigned char>(bytes[size - back]);
        if ((byte & 0xC0) == 0x80)
            continue; // a continuation byte; its lead is further back
        qsizetype length = 1;
        if (byte >= 0xC2 && byte <= 0xDF)
            length = 2;
        else if (byte >= 0xE0 && byte <= 0xEF)
            length = 3;
        else if (byte >= 0xF0 && byte <= 0xF4)
            length = 4;
        return length > back ? back : 0;
    }
    return 0;
}

// An odd byte, and a high surrogate whose low half has not arrived yet.
qsizetype incompleteUtf16Tail(QByteArrayView bytes, bool littleEndian)
{
    qsizetype keep = bytes.size() % 2;
    const qsizetype whole = bytes.size() - keep;
    if (whole >= 2) {
        const auto first = static_cast<unsigned char>(bytes[whole - 2]);
        const auto second = static_cast<unsigned char>(bytes[whole - 1]);
        const char16_t unit = littleEndian ? char16_t(second << 8 | first)
                                           : char16_t(first << 8 | second);
        if (QChar::isHighSurrogate(unit))
            keep += 2;
    }
    return keep;
}

qsizetype incompleteTail(TextDecoder::Encoding encoding, QByteArrayView bytes)
{
    switch (encoding) {
    case TextDecoder::Encoding::Utf8:
        return incompleteUtf8Tail(bytes);
    case TextDecoder::Encoding::Utf16LE:
        return incompleteUtf16Tail(bytes, true);
    case TextDecoder::Encoding::Utf16BE:
        return incompleteUtf16Tail(bytes, false);
    case TextDecoder::Encoding::Windows1252:
        break;
    }
    return 0;
}

} // namespace

TextDecoder::Detection TextDecoder::detect(QByteArrayView head, bool wholeFile)
{
    if (head.startsWith(Utf8Bom))
        return {Encoding::Utf8, false};
    if (head.startsWith(Utf16LEBom))
        return {Encoding::Utf16LE, false};
    if (head.startsWith(Utf16BEBom))
        return {Encoding::Utf16BE, false};
    QByteArrayView checked = head.first(std::min(head.size(), DetectionBytes));
    if (!wholeFile || checked.size() < head.size())
        checked.chop(incompleteUtf8Tail(checked));
    QStringDecoder utf8(QStringConverter::Utf8, QStringConverter::Flag::Stateless);
    const QString ignored = utf8.decode(checked);
    Q_UNUSED(ignored);
    if (utf8.hasError())
        return {Encoding::Windows1252, true};
    return {Encoding::Utf8, false};
}

Result<TextDecoder, QString> TextDecoder::forFile(QByteArrayView head, bool wholeFile,
                                                  const QString &encodingName)
{
    if (!encodingName.isEmpty()) {
        const auto chosen = encodingFromName(encodingName);
        if (!chosen) {
            return fail(tr("\"%1\" is not an encoding Salvo reads; choose UTF-8, UTF-16LE, "
                           "UTF-16BE or Windows-1252.")
                            .arg(encodingName));
        }
        return TextDecoder(*chosen);
    }
    const Detection detection = detect(head, wholeFile);
    TextDecoder decoder(detection.encoding);
    decoder.m_fallback = detection.notUtf8;
    return decoder;
}

std::optional<TextDecoder::Encoding> TextDecoder::encodingFromName(const QString &name)
{
    QString key = name.trimmed().toLower();
    key.remove(u'-');
    key.remove(u'_');
    key.remove(u' ');
    if (key == u"utf8"_s)
        return Encoding::Utf8;
    if (key == u"utf16le"_s)
        return Encoding::Utf16LE;
    if (key == u"utf16be"_s)
        return Encoding::Utf16BE;
    // Files labelled Latin-1 are nearly always Windows-1252, which only adds printable
    // characters where Latin-1 has unused control codes (browsers read them this way too).
    if (key == u"windows1252"_s || key == u"cp1252"_s || key == u"win1252"_s
        || key == u"latin1"_s || key == u"iso88591"_s)
        return Encoding::Windows1252;
    return std::nullopt;
}

QString TextDecoder::encodingName(Encoding encoding)
{
    switch (encoding) {
    case Encoding::Utf8:
        return u"UTF-8"_s;
    case Encoding::Utf16LE:
        return u"UTF-16LE"_s;
    case Encoding::Utf16BE:
        return u"UTF-16BE"_s;
    case Encoding::Windows1252:
        return u"Windows-1252"_s;
    }
    return {};
}

// Stateless, and the byte order mark converted like any character: this class keeps the state
// itself (a cut sequence, the mark at the start), so the end of the stream is known for sure:
// the converter would keep a cut sequence pending forever, with no call to say it never ends.
TextDecoder::TextDecoder(Encoding encoding)
    : m_encoding(encoding),
      m_decoder(converterEncoding(encoding),
                QStringConverter::Flag::Stateless | QStringConverter::Flag::ConvertInitialBom)
{
}

QString TextDecoder::decode(QByteArrayView bytes)
{
    QByteArray joined;
    QByteArrayView data = bytes;
    if (!m_pending.isEmpty()) {
        joined = m_pending;
        joined.append(bytes);
        data = joined;
        m_pending.clear();
    }
    if (m_atStart) {
        const QByteArrayView bom = byteOrderMark(m_encoding);
        if (data.size() < bom.size() && bom.startsWith(data)) {
            m_pending = data.toByteArray(); // too little yet to tell a mark from text
            return {};
        }
        m_atStart = false;
        if (!bom.isEmpty() && data.startsWith(bom))
            data = data.sliced(bom.size());
    }
    const qsizetype keep = incompleteTail(m_encoding, data);
    if (keep > 0) {
        m_pending = data.last(keep).toByteArray();
        data.chop(keep);
    }
    return decodeComplete(data);
}

QString TextDecoder::finish()
{
    m_atStart = false;
    if (m_pending.isEmpty())
        return {};
    m_pending.clear();
    m_invalid = true;
    return QString(QChar::ReplacementCharacter);
}

QString TextDecoder::decodeComplete(QByteArrayView bytes)
{
    if (m_encoding != Encoding::Windows1252) {
        QString text = m_decoder.decode(bytes);
        if (m_decoder.hasError())
            m_invalid = true;
        return text;
    }
    QString text(bytes.size(), Qt::Uninitialized);
    QChar *out = text.data();
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const auto byte = static_cast<unsigned char>(bytes[i]);
        const bool high = byte >= 0x80 && byte < 0xA0;
        out[i] = QChar(high ? Windows1252High[byte - 0x80] : char16_t(byte));
    }
    return text;
}

QString TextDecoder::fallbackWarning() const
{
    return tr("The file is not UTF-8; it was read as Windows-1252.");
}

QString TextDecoder::invalidBytesWarning() const
{
    return tr("Some bytes are not valid %1; each was replaced by %2.")
        .arg(name(), QString(QChar::ReplacementCharacter));
}

} // namespace Salvo
