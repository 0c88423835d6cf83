#include "gui/preferences.h"

#include <QJsonDocument>
#include <QSettings>

using namespace Qt::StringLiterals;

namespace Salvo::Preferences {

namespace {
const QString InFlightCapKey = u"engine/inFlightCap"_s;
const QString RecentFilesKey = u"data/recentFiles"_s;
const QString LastDirectoryKey = u"data/lastDirectory"_s;
const QString LastRunConfigKey = u"run/lastConfig"_s;
const QString SimulatorPresetKey = u"provider/simulatorPreset"_s;
const QString LanguageKey = u"ui/language"_s;
const QString WindowGeometryKey = u"window/geometry"_s;
const QString WindowStateKey = u"window/state"_s;
const QString SplitterKeyPrefix = u"window/splitter/"_s;
constexpr int DefaultInFlightCap = 50;
const QString DefaultSimulatorPreset = u"realistic"_s;
} // namespace

int inFlightCap()
{
    return QSettings().value(InFlightCapKey, DefaultInFlightCap).toInt();
}

void setInFlightCap(int cap)
{
    QSettings().setValue(InFlightCapKey, cap);
}

QStringList recentFiles()
{
    return QSettings().value(RecentFilesKey).toStringList();
}

void addRecentFile(const QString &path)
{
    QStringList files = recentFiles();
    files.removeAll(path);
    files.prepend(path);
    while (files.size() > MaxRecentFiles)
        files.removeLast();
    QSettings().setValue(RecentFilesKey, files);
}

void removeRecentFile(const QString &path)
{
    QStringList files = recentFiles();
    files.removeAll(path);
    QSettings().setValue(RecentFilesKey, files);
}

void clearRecentFiles()
{
    QSettings().remove(RecentFilesKey);
}

QString lastDirectory()
{
    return QSettings().value(LastDirectoryKey).toString();
}

void setLastDirectory(const QString &directory)
{
    QSettings().setValue(LastDirectoryKey, directory);
}

QJsonObject lastRunConfig()
{
    const QByteArray json = QSettings().value(LastRunConfigKey).toByteArray();
    return QJsonDocument::fromJson(json).object();
}

void setLastRunConfig(const QJsonObject &config)
{
    QSettings().setValue(LastRunConfigKey, QJsonDocument(config).toJson(QJsonDocument::Compact));
}

QString simulatorPreset()
{
    return QSettings().value(SimulatorPresetKey, DefaultSimulatorPreset).toString();
}

void setSimulatorPreset(const QString &preset)
{
    QSettings().setValue(SimulatorPresetKey, preset);
}

QString language()
{
    return QSettings().value(LanguageKey).toString();
}

void setLanguage(const QString &language)
{
    if (language.isEmpty())
        QSettings().remove(LanguageKey);
    else
        QSettings().setValue(LanguageKey, language);
}

QByteArray windowGeometry()
{
    return QSettings().value(WindowGeometryKey).toByteArray();
}

void setWindowGeometry(const QByteArray &geometry)
{
    QSettings().setValue(WindowGeometryKey, geometry);
}

QByteArray windowState()
{
    return QSettings().value(WindowStateKey).toByteArray();
}

void setWindowState(const QByteArray &state)
{
    QSettings().setValue(WindowStateKey, state);
}

QByteArray splitterState(const QString &name)
{
    return QSettings().value(SplitterKeyPrefix + name).toByteArray();
}

void setSplitterState(const QString &name, const QByteArray &state)
{
    QSettings().setValue(SplitterKeyPrefix + name, state);
}

} // namespace Salvo::Preferences
