// JSON pieces for text written field by field, where building a QJsonObject per request, answer
// or exported line costs too much (QJsonDocument::toJson alone takes some 38,000 instructions for
// one exported item). The output is byte for byte what QJsonDocument writes for the same value
// inside an object (tst_itemjsonwriter holds them to it), so files and bodies do not change shape
// with the writer. Any thread.
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringView>

namespace Salvo {

// `text` as a JSON string literal, quotes included.
QByteArray jsonString(const QString &text);
void appendJsonString(QByteArray &out, QStringView text);

// A number as QJsonValue(double) writes it: integral values up to 2^53 without a fraction or an
// exponent, others shortest round-trip, and null for infinities and NaN.
void appendJsonNumber(QByteArray &out, double value);

} // namespace Salvo
