// RunPanel: the Run box under the tabs: buttons for the run actions, the in-flight cap, the
// estimate, progress and live figures, and the latest message or problem. GUI thread.
#pragma once

#include "core/engine/enginetypes.h"

#include <QGroupBox>

class QAction;
class QLabel;
class QProgressBar;

namespace Salvo {

class CapControl;

// The actions the panel's buttons trigger and mirror (enabled state and text).
struct RunActions
{
    QAction *start = nullptr;
    QAction *pause = nullptr;
    QAction *resume = nullptr;
    QAction *cancel = nullptr;
    QAction *retry = nullptr;
};

class RunPanel final : public QGroupBox
{
    Q_OBJECT

public:
    explicit RunPanel(const RunActions &actions, QWidget *parent = nullptr);

    CapControl *capControl() const { return m_capControl; }
    void setEstimate(const QString &text);
    // A run file was opened: `done` of `total` items, and no live figures yet.
    void resetProgress(qint64 done, qint64 total);
    void showMetrics(const EngineMetrics &metrics);
    // Empty `text` hides the message; `problem` adds the warning icon.
    void showMessage(const QString &text, bool problem);
    // Why the engine paused by itself and what to do about it.
    void showHalted(PauseReason reason, const QString &message);

private:
    CapControl *m_capControl = nullptr;
    QLabel *m_estimateLabel = nullptr;
    QProgressBar *m_runProgress = nullptr;
    QLabel *m_statsLabel = nullptr;
    QLabel *m_messageIcon = nullptr;
    QLabel *m_messageLabel = nullptr;
};

} // namespace Salvo
