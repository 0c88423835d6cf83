#include "gui/shell/runpanel.h"

#include "gui/numberformat.h"
#include "gui/shell/capcontrol.h"

#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QStyle>
#include <QVBoxLayout>

#include <climits>

using namespace Qt::StringLiterals;

namespace Salvo {

RunPanel::RunPanel(const RunActions &actions, QWidget *parent) : QGroupBox(tr("Run"), parent)
{
    setObjectName(u"runPanel"_s);
    auto *layout = new QVBoxLayout(this);

    auto *buttons = new QHBoxLayout;
    const auto addButton = [this, buttons](QAction *action, const QString &name) {
        auto *button = new QPushButton(action->icon(), action->text(), this);
        button->setObjectName(name);
        button->setToolTip(action->toolTip());
        connect(button, &QPushButton::clicked, action, &QAction::trigger);
        // The window enables and renames the actions; the buttons follow them.
        connect(action, &QAction::changed, button, [button, action] {
            button->setEnabled(action->isEnabled());
            button->setText(action->text());
        });
        buttons->addWidget(button);
        return button;
    };
    addButton(actions.start, u"startButton"_s)->setDefault(true);
    addButton(actions.pause, u"pauseButton"_s);
    addButton(actions.resume, u"resumeButton"_s);
    addButton(actions.cancel, u"cancelButton"_s);
    addButton(actions.retry, u"retryButton"_s);
    buttons->addSpacing(16);
    m_capControl = new CapControl(this);
    m_capControl->setObjectName(u"capControl"_s);
    auto *capLabel = new QLabel(tr("&In flight at most:"), this);
    capLabel->setBuddy(m_capControl->spinBox());
    buttons->addWidget(capLabel);
    buttons->addWidget(m_capControl, 1);
    layout->addLayout(buttons);

    m_estimateLabel = new QLabel(this);
    m_estimateLabel->setObjectName(u"estimateLabel"_s);
    m_estimateLabel->setWordWrap(true);
    // Word-wrapped labels report one line to the layout; keep room for two.
    m_estimateLabel->setMinimumHeight(m_estimateLabel->fontMetrics().lineSpacing() * 2 + 4);
    layout->addWidget(m_estimateLabel);

    m_runProgress = new QProgressBar(this);
    m_runProgress->setObjectName(u"runProgress"_s);
    m_runProgress->setRange(0, 1);
    m_runProgress->setValue(0);
    m_runProgress->setFormat(tr("%v of %m done (%p%)"));
    layout->addWidget(m_runProgress);

    m_statsLabel = new QLabel(this);
    m_statsLabel->setObjectName(u"statsLabel"_s);
    m_statsLabel->setWordWrap(true);
    m_statsLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_statsLabel->setMinimumHeight(m_statsLabel->fontMetrics().lineSpacing() * 2 + 4);
    layout->addWidget(m_statsLabel);

    auto *messageRow = new QHBoxLayout;
    m_messageIcon = new QLabel(this);
    m_messageIcon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(24, 24));
    m_messageIcon->setAlignment(Qt::AlignTop);
    m_messageLabel = new QLabel(this);
    m_messageLabel->setObjectName(u"messageLabel"_s);
    m_messageLabel->setWordWrap(true);
    m_messageLabel->setTextFormat(Qt::PlainText);
    m_messageLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    messageRow->addWidget(m_messageIcon);
    messageRow->addWidget(m_messageLabel, 1);
    layout->addLayout(messageRow);
    m_messageIcon->hide();
    m_messageLabel->hide();
}

void RunPanel::setEstimate(const QString &text)
{
    m_estimateLabel->setText(text);
}

void RunPanel::resetProgress(qint64 done, qint64 total)
{
    m_runProgress->setRange(0, int(std::max<qint64>(1, total)));
    m_runProgress->setValue(int(done));
    m_statsLabel->clear();
}

void RunPanel::showMetrics(const EngineMetrics &metrics)
{
    const qint64 done = metrics.ok + metrics.failed + metrics.cancelled;
    m_runProgress->setRange(0, int(std::max<qint64>(1, metrics.total)));
    m_runProgress->setValue(int(done));
    const qint64 remaining = std::max<qint64>(0, metrics.total - done);
    const NumberFormat format;
    QString text = tr("%1 done, %2 failed, %3 remaining; %4 in flight (cap %5).")
                       .arg(format.count(metrics.ok), format.count(metrics.failed),
                            format.count(remaining), format.count(metrics.inFlight),
                            format.count(metrics.cap));
    if (metrics.state == RunState::Running && remaining > 0)
        text += u' '
            + tr("%1 items/s, about %2 left.")
                  .arg(format.rate(metrics.completedPerSecond),
                       format.duration(metrics.etaSeconds));
    else if (metrics.state == RunState::Finished)
        text += u' ' + tr("Took %1.").arg(format.duration(double(metrics.elapsedMs) / 1000.0));
    text += u' '
        + tr("%1 input and %2 output tokens, %3 so far.")
              .arg(format.count(metrics.inputTokens), format.count(metrics.outputTokens),
                   format.cost(metrics.costUsd));
    if (metrics.rateLimitedTotal > 0)
        text += u' ' + tr("The provider limited %n request(s); Salvo waited and retried.",
                          nullptr, int(std::min<qint64>(metrics.rateLimitedTotal, INT_MAX)));
    m_statsLabel->setText(text);
}

void RunPanel::showMessage(const QString &text, bool problem)
{
    m_messageLabel->setText(text);
    m_messageLabel->setVisible(!text.isEmpty());
    m_messageIcon->setVisible(!text.isEmpty() && problem);
}

void RunPanel::showHalted(PauseReason reason, const QString &message)
{
    QString text;
    switch (reason) {
    case PauseReason::ApiKey:
        text = tr("The API key was rejected. Check it on the Provider tab, then press Resume.");
        break;
    case PauseReason::Quota:
        text = tr("The provider says the account's quota or spending limit is used up. Raise it "
                  "with the provider, then press Resume.");
        break;
    case PauseReason::SpendCap:
        text = tr("The run reached your spend cap and paused. Raise the cap on the Limits tab, "
                  "then press Resume.");
        break;
    case PauseReason::RateLimit:
        text = tr("The provider asks for a long wait before the next request, as a daily limit "
                  "does. Press Resume once it has passed.");
        break;
    case PauseReason::Tls:
        text = tr("The server's certificate is not trusted, so nothing was sent. Trust its "
                  "certificate authority on the Provider tab, then press Resume.");
        break;
    case PauseReason::Unreachable:
        text = tr("The server cannot be reached. Check its address on the Provider tab and the "
                  "network, then press Resume.");
        break;
    case PauseReason::StoreError:
        text = tr("Answers can no longer be saved to the run file (is the disk full?). Free some "
                  "space, then press Resume.");
        break;
    case PauseReason::User:
    case PauseReason::None:
        break;
    }
    showMessage(text.isEmpty() ? message : tr("%1\nDetails: %2").arg(text, message), true);
}

} // namespace Salvo
