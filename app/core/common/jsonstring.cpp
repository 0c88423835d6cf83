#include "core/common/jsonstring.h"

#include <QLocale>

#include <cmath>

namespace Salvo {

namespace {

char hexDigit(unsigned value)
{
    return char(value < 10 ? '0' + value : 'a' + value - 10);
}

char *writeEscapedUnit(char *cursor, char16_t unit)
{
    *cursor++ = '\\';
    *cursor++ = 'u';
    *cursor++ = hexDigit((unit >> 12) & 0xf);
    *cursor++ = hexDigit((unit >> 8) & 0xf);
    *cursor++ = hexDigit((unit >> 4) & 0xf);
    *cursor++ = hexDigit(unit & 0xf);
    return cursor;
}

} // namespace

QByteArray jsonString(const QString &text)
{
    QByteArray out;
    appendJsonString(out, text);
    return out;
}

void appendJsonString(QByteArray &out, QStringView text)
{
    // Written through a pointer into room for the worst case (six bytes per UTF-16 unit, for
    // \u00XX), then cut to size: appending byte by byte cost more than the rest of an export.
    const qsizetype start = out.size();
    out.resize(start + 2 + 6 * text.size());
    char *cursor = out.data() + start;
    *cursor++ = '"';
    const char16_t *src = text.utf16();
    const char16_t *const end = src + text.size();
    while (src != end) {
        const char16_t unit = *src++;
        if (unit < 0x80) {
            if (unit >= 0x20 && unit != u'"' && unit != u'\\') {
                *cursor++ = char(unit);
                continue;
            }
            *cursor++ = '\\';
            switch (unit) {
            case u'"': *cursor++ = '"'; break;
            case u'\\': *cursor++ = '\\'; break;
            case u'\b': *cursor++ = 'b'; break;
            case u'\f': *cursor++ = 'f'; break;
            case u'\n': *cursor++ = 'n'; break;
            case u'\r': *cursor++ = 'r'; break;
            case u'\t': *cursor++ = 't'; break;
            default: cursor = writeEscapedUnit(cursor - 1, unit); break;
            }
        } else if (unit < 0x800) {
            *cursor++ = char(0xc0 | (unit >> 6));
            *cursor++ = char(0x80 | (unit & 0x3f));
        } else if (!QChar::isSurrogate(unit)) {
            *cursor++ = char(0xe0 | (unit >> 12));
            *cursor++ = char(0x80 | ((unit >> 6) & 0x3f));
            *cursor++ = char(0x80 | (unit & 0x3f));
        } else if (QChar::isHighSurrogate(unit) && src != end && QChar::isLowSurrogate(*src)) {
            const char32_t code = QChar::surrogateToUcs4(unit, *src++);
            *cursor++ = char(0xf0 | (code >> 18));
            *cursor++ = char(0x80 | ((code >> 12) & 0x3f));
            *cursor++ = char(0x80 | ((code >> 6) & 0x3f));
            *cursor++ = char(0x80 | (code & 0x3f));
        } else {
            cursor = writeEscapedUnit(cursor, unit); // a lone surrogate has no UTF-8 form
        }
    }
    *cursor++ = '"';
    out.truncate(cursor - out.constData());
}

void appendJsonNumber(QByteArray &out, double value)
{
    if (!std::isfinite(value)) {
        out += "null";
        return;
    }
    constexpr double LargestExactInteger = 9007199254740992.0; // 2^53
    if (value == std::trunc(value) && std::fabs(value) <= LargestExactInteger)
        out += QByteArray::number(qint64(value));
    else
        out += QByteArray::number(value, 'g', QLocale::FloatingPointShortest);
}

} // namespace Salvo
