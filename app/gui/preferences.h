// Preferences: every QSettings key of the desktop app, typed, with its default, so no key is
// spelled twice. GUI thread (QSettings is not shared across threads here).
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace Salvo::Preferences {

// The in-flight cap the run panel starts with.
int inFlightCap();
void setInFlightCap(int cap);

// Input files opened lately, newest first, at most MaxRecentFiles.
constexpr int MaxRecentFiles = 10;
QStringList recentFiles();
void addRecentFile(const QString &path);
void removeRecentFile(const QString &path);
void clearRecentFiles();

// The folder the last file dialog was in; empty: the documents folder.
QString lastDirectory();
void setLastDirectory(const QString &directory);

// The last run settings the user chose (RunConfig::toJson(), which never holds an API key);
// empty on the first start.
QJsonObject lastRunConfig();
void setLastRunConfig(const QJsonObject &config);

// The simulator preset last chosen ("realistic" by default).
QString simulatorPreset();
void setSimulatorPreset(const QString &preset);

// The language the desktop app speaks: an ISO 639 code ("en", "de"), or empty for the system's.
// main() reads it once, so a change takes effect at the next start.
QString language();
void setLanguage(const QString &language);

// QMainWindow geometry and state, and a splitter's state by its name.
QByteArray windowGeometry();
void setWindowGeometry(const QByteArray &geometry);
QByteArray windowState();
void setWindowState(const QByteArray &state);
QByteArray splitterState(const QString &name);
void setSplitterState(const QString &name, const QByteArray &state);

} // namespace Salvo::Preferences
