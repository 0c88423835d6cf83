#include "gui/results/itemdetailview.h"

#include "core/engine/runconfig.h"
#include "core/store/runstore.h"
#include "gui/itemstatelabel.h"
#include "gui/numberformat.h"
#include "gui/results/attemptsmodel.h"

#include <QClipboard>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Salvo {

namespace {

QPlainTextEdit *makeTextPane(QWidget *parent)
{
    auto *edit = new QPlainTextEdit(parent);
    edit->setReadOnly(true);
    edit->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    return edit;
}

} // namespace

ItemDetailView::ItemDetailView(QWidget *parent) : QWidget(parent)
{
    m_title = new QLabel(this);
    m_title->setTextFormat(Qt::PlainText);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);

    m_error = new QLabel(this);
    m_error->setTextFormat(Qt::PlainText);
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setVisible(false);

    m_tabs = new QTabWidget(this);
    m_output = makeTextPane(m_tabs);
    m_output->setPlaceholderText(tr("No output."));
    m_tabs->addTab(m_output, tr("Output"));

    auto *promptPage = new QWidget(m_tabs);
    auto *promptLayout = new QVBoxLayout(promptPage);
    promptLayout->setContentsMargins(0, 0, 0, 0);
    m_systemLabel = new QLabel(tr("System prompt:"), promptPage);
    m_systemPrompt = makeTextPane(promptPage);
    m_systemPrompt->setMaximumHeight(m_systemPrompt->fontMetrics().lineSpacing() * 6);
    auto *promptLabel = new QLabel(tr("Prompt:"), promptPage);
    m_promptEdit = makeTextPane(promptPage);
    promptLayout->addWidget(m_systemLabel);
    promptLayout->addWidget(m_systemPrompt);
    promptLayout->addWidget(promptLabel);
    promptLayout->addWidget(m_promptEdit, 1);
    m_tabs->addTab(promptPage, tr("Prompt"));

    m_attemptsModel = new AttemptsModel(this);
    m_attemptsView = new QTableView(m_tabs);
    m_attemptsView->setModel(m_attemptsModel);
    m_attemptsView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_attemptsView->setWordWrap(false);
    m_attemptsView->verticalHeader()->setVisible(false);
    m_attemptsView->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_attemptsView->horizontalHeader()->setStretchLastSection(true);
    m_tabs->addTab(m_attemptsView, tr("Attempts"));

    m_copyPrompt = new QPushButton(tr("Copy &Prompt"), this);
    m_copyOutput = new QPushButton(tr("Copy &Output"), this);
    connect(m_copyPrompt, &QPushButton::clicked, this, &ItemDetailView::copyPrompt);
    connect(m_copyOutput, &QPushButton::clicked, this, &ItemDetailView::copyOutput);

    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_copyPrompt);
    buttons->addWidget(m_copyOutput);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_error);
    layout->addWidget(m_tabs, 1);
    layout->addLayout(buttons);
    clear();
}

ItemDetailView::~ItemDetailView() = default;

Result<bool, QString> ItemDetailView::setRun(const QString &runPath)
{
    clear();
    m_store.reset();
    m_promptTemplate.reset();
    m_systemTemplate.reset();
    m_templateProblem.clear();
    if (runPath.isEmpty())
        return true;
    auto opened = RunStore::open(runPath);
    if (!opened)
        return fail(opened.error());
    m_store = opened.takeValue();

    auto config = RunConfig::fromJson(m_store->config());
    if (!config) {
        m_templateProblem = config.error();
        return true;
    }
    const QStringList columns = m_store->columns();
    if (auto parsed = PromptTemplate::forRun(config.value().promptTemplate, columns))
        m_promptTemplate = parsed.takeValue();
    else
        m_templateProblem = parsed.error().message;
    if (!config.value().systemTemplate.isEmpty()) {
        auto parsed = PromptTemplate::parse(config.value().systemTemplate, columns);
        if (parsed)
            m_systemTemplate = parsed.takeValue();
        else
            m_templateProblem = parsed.error().message;
    }
    return true;
}

void ItemDetailView::clear()
{
    m_idx = -1;
    m_title->setText(tr("Select an item to see its prompt, output and attempts."));
    m_error->clear();
    m_error->setVisible(false);
    m_output->clear();
    m_promptEdit->clear();
    m_systemPrompt->clear();
    m_systemLabel->setVisible(false);
    m_systemPrompt->setVisible(false);
    m_attemptsModel->setAttempts({});
    m_copyPrompt->setEnabled(false);
    m_copyOutput->setEnabled(false);
}

void ItemDetailView::showItem(qint64 idx)
{
    if (!m_store || idx < 0) {
        clear();
        return;
    }
    const ItemRow item = m_store->item(idx);
    const ItemResult result = m_store->result(idx);
    if (item.idx < 0 || result.idx < 0) {
        clear();
        return;
    }
    m_idx = idx;
    m_title->setText(
        tr("Row %1: %2").arg(NumberFormat().count(idx + 1), itemStateLabel(result.state)));

    const QString problem = describeError(result);
    m_error->setText(problem);
    m_error->setVisible(!problem.isEmpty());

    m_output->setPlainText(result.output);

    if (m_promptTemplate) {
        m_promptEdit->setPlainText(m_promptTemplate->render(item.cells, idx));
    } else {
        m_promptEdit->setPlainText(
            tr("The prompt cannot be shown: %1").arg(m_templateProblem));
    }
    const bool hasSystem = m_systemTemplate.has_value();
    m_systemPrompt->setPlainText(hasSystem ? m_systemTemplate->render(item.cells, idx)
                                           : QString());
    m_systemLabel->setVisible(hasSystem);
    m_systemPrompt->setVisible(hasSystem);

    m_attemptsModel->setAttempts(m_store->attempts(idx));
    m_attemptsView->resizeColumnsToContents();
    m_copyPrompt->setEnabled(m_promptTemplate.has_value());
    m_copyOutput->setEnabled(!result.output.isEmpty());
}

void ItemDetailView::reload()
{
    if (m_idx >= 0)
        showItem(m_idx);
}

QString ItemDetailView::promptText() const
{
    return m_promptEdit->toPlainText();
}

QString ItemDetailView::systemPromptText() const
{
    return m_systemPrompt->toPlainText();
}

QString ItemDetailView::outputText() const
{
    return m_output->toPlainText();
}

QString ItemDetailView::errorText() const
{
    return m_error->text();
}

void ItemDetailView::copyPrompt()
{
    if (m_idx < 0 || !m_promptTemplate)
        return;
    QString text = m_promptEdit->toPlainText();
    if (m_systemTemplate)
        text = tr("System prompt:\n%1\n\nPrompt:\n%2").arg(m_systemPrompt->toPlainText(), text);
    QGuiApplication::clipboard()->setText(text);
}

void ItemDetailView::copyOutput()
{
    if (m_idx >= 0)
        QGuiApplication::clipboard()->setText(m_output->toPlainText());
}

QString ItemDetailView::describeError(const ItemResult &result)
{
    if (result.state == ItemState::Cancelled) {
        return result.error.isEmpty()
                   ? tr("The item was cancelled before it finished.")
                   : tr("The item was cancelled before it finished: %1").arg(result.error);
    }
    if (result.state != ItemState::Failed)
        return {};

    const QString &type = result.errorType;
    const int status = result.httpStatus;
    QString reason;
    if (type == u"timeout"_s)
        reason = tr("The API did not answer within the time limit.");
    else if (type == u"connection_error"_s)
        reason = tr("Salvo could not connect to the API.");
    else if (type == u"tls_error"_s)
        reason = tr("The secure connection to the API failed.");
    else if (type == u"malformed_response"_s)
        reason = tr("The API answered with something Salvo could not read.");
    else if (type == u"cancelled"_s)
        reason = tr("The request was cancelled while it was in flight.");
    else if (status == 401 || status == 403)
        reason = tr("The API rejected the API key (HTTP %1).").arg(status);
    else if (status == 402 || type == u"billing_error"_s)
        reason = tr("The account has no credit or quota left (HTTP %1).").arg(status);
    else if (status == 429 || type == u"rate_limit_error"_s)
        reason = tr("The API's rate limit was still exceeded (HTTP %1).").arg(status);
    else if (status >= 500 || type == u"overloaded_error"_s)
        reason = tr("The API had a server error (HTTP %1).").arg(status);
    else if (status >= 400)
        reason = tr("The API refused the request (HTTP %1).").arg(status);
    else
        reason = tr("The item failed.");

    QString text = tr("%1 Salvo tried %n time(s).", nullptr, result.attempts).arg(reason);
    if (!result.error.isEmpty())
        text = tr("%1\nThe error was: %2").arg(text, result.error);
    return text;
}

} // namespace Salvo
