// TextDecoder: decides a text file's encoding from its first bytes (or the user's choice) and
// turns the file into text a chunk at a time. Used by one thread at a time; a plain value.
#pragma once

#include "core/common/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QStringDecoder>

#include <optional>

namespace Salvo {

class TextDecoder final
{
    Q_DECLARE_TR_FUNCTIONS(Salvo::TextDecoder)

public:
    enum class Encoding { Utf8, Utf16LE, Utf16BE, Windows1252 };

    // How much of a file detect() wants to see: enough to meet the first non-ASCII bytes of a
    // spreadsheet export, small enough to read before the first row.
    static constexpr qsizetype DetectionBytes = 1024 * 1024;

    struct Detection
    {
        Encoding encoding = Encoding::Utf8;
        bool notUtf8 = false; // no byte order mark, and the bytes are not valid UTF-8
    };

    // A byte order mark decides; otherwise UTF-8 when `head` is valid UTF-8, else Windows-1252.
    // `head` is the file's first DetectionBytes (all of it when shorter); `wholeFile` says it
    // is all of it, so a sequence cut short at its end is an error rather than a chunk boundary.
    static Detection detect(QByteArrayView head, bool wholeFile);

    // The decoder for a file starting with `head`: `encodingName` (LoadOptions::encoding) when
    // it is set, else detected. Fails with a translated sentence on an unknown name.
    [[nodiscard]] static Result<TextDecoder, QString> forFile(QByteArrayView head, bool wholeFile,
                                                              const QString &encodingName);

    // "UTF-8", "UTF-16LE", "UTF-16BE", "Windows-1252", and the usual spellings of each.
    static std::optional<Encoding> encodingFromName(const QString &name);
    static QString encodingName(Encoding encoding);

    explicit TextDecoder(Encoding encoding);

    Encoding encoding() const { return m_encoding; }
    QString name() const { return encodingName(m_encoding); }
    // Set by forFile() when detection fell back to Windows-1252.
    bool isFallback() const { return m_fallback; }

    // The text of the next bytes of the stream. A byte order mark at the very start is dropped;
    // a sequence cut by the end of `bytes` is kept and completed by the next call.
    QString decode(QByteArrayView bytes);
    // The end of the stream: a sequence still incomplete becomes U+FFFD.
    QString finish();
    // True once some bytes could not be decoded (each became U+FFFD).
    bool hasError() const { return m_invalid || m_decoder.hasError(); }

    // Sentences for a load report: the fallback, and bytes that could not be decoded.
    QString fallbackWarning() const;
    QString invalidBytesWarning() const;

private:
    QString decodeComplete(QByteArrayView bytes);

    Encoding m_encoding;
    QStringDecoder m_decoder;
    QByteArray m_pending; // the start of a sequence cut by a chunk's end, or of the mark
    bool m_atStart = true;
    bool m_invalid = false;
    bool m_fallback = false;
};

} // namespace Salvo
