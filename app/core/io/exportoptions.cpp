#include "core/io/exportoptions.h"

#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace Salvo {

std::optional<ExportFormat> exportFormatForPath(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == u"csv"_s)
        return ExportFormat::Csv;
    if (suffix == u"tsv"_s)
        return ExportFormat::Tsv;
    if (suffix == u"json"_s)
        return ExportFormat::Json;
    if (suffix == u"jsonl"_s || suffix == u"ndjson"_s)
        return ExportFormat::Jsonl;
    if (suffix == u"xlsx"_s)
        return ExportFormat::Xlsx;
    return std::nullopt;
}

} // namespace Salvo
