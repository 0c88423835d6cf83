#include "gui/shell/promptpanel.h"

#include "gui/shell/templateedit.h"

#include <QApplication>
#include <QLabel>
#include <QListView>
#include <QPlainTextEdit>
#include <QSignalBlocker>
#include <QSplitter>
#include <QStringListModel>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Salvo {

PromptPanel::PromptPanel(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);

    auto *columnsLabel = new QLabel(tr("C&olumns (double-click or Enter inserts {{name}}):"),
                                    this);
    m_columnModel = new QStringListModel(this);
    m_columnList = new QListView(this);
    m_columnList->setObjectName(u"columnList"_s);
    m_columnList->setModel(m_columnModel);
    m_columnList->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_columnList->setFlow(QListView::LeftToRight);
    m_columnList->setWrapping(true);
    m_columnList->setResizeMode(QListView::Adjust);
    m_columnList->setSpacing(2);
    m_columnList->setMaximumHeight(m_columnList->fontMetrics().height() * 4 + 12);
    m_columnList->setToolTip(tr("Insert a column's placeholder at the cursor of the last "
                                "prompt you edited."));
    columnsLabel->setBuddy(m_columnList);
    connect(m_columnList, &QListView::activated, this, &PromptPanel::insertColumn);
    layout->addWidget(columnsLabel);
    layout->addWidget(m_columnList);

    m_splitter = new QSplitter(Qt::Vertical, this);
    m_splitter->setObjectName(u"promptSplitter"_s);
    m_splitter->setChildrenCollapsible(false);

    auto *templateBox = new QWidget(m_splitter);
    auto *templateLayout = new QVBoxLayout(templateBox);
    templateLayout->setContentsMargins(0, 0, 0, 0);
    auto *templateLabel = new QLabel(tr("Prompt &template:"), templateBox);
    m_templateEdit = new TemplateEdit(m_columnModel, templateBox);
    m_templateEdit->setObjectName(u"templateEdit"_s);
    m_templateEdit->setTabChangesFocus(true);
    m_templateEdit->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_templateEdit->setPlaceholderText(tr("What to ask for each row, e.g. Summarise: {{body}}"));
    m_templateEdit->setToolTip(tr("The prompt sent for each row. {{column}} is replaced by the "
                                  "row's cell, {{_row}} by its number."));
    templateLabel->setBuddy(m_templateEdit);
    m_templateError = new QLabel(templateBox);
    m_templateError->setObjectName(u"templateError"_s);
    m_templateError->setWordWrap(true);
    m_templateError->setTextFormat(Qt::PlainText);
    m_templateError->hide();
    templateLayout->addWidget(templateLabel);
    templateLayout->addWidget(m_templateEdit, 1);
    templateLayout->addWidget(m_templateError);

    auto *systemBox = new QWidget(m_splitter);
    auto *systemLayout = new QVBoxLayout(systemBox);
    systemLayout->setContentsMargins(0, 0, 0, 0);
    auto *systemLabel = new QLabel(tr("S&ystem prompt (optional):"), systemBox);
    m_systemEdit = new TemplateEdit(m_columnModel, systemBox);
    m_systemEdit->setObjectName(u"systemEdit"_s);
    m_systemEdit->setTabChangesFocus(true);
    m_systemEdit->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_systemEdit->setPlaceholderText(tr("Instructions sent with every request, e.g. Answer with "
                                        "one word."));
    systemLabel->setBuddy(m_systemEdit);
    systemLayout->addWidget(systemLabel);
    systemLayout->addWidget(m_systemEdit, 1);

    auto *previewBox = new QWidget(m_splitter);
    auto *previewLayout = new QVBoxLayout(previewBox);
    previewLayout->setContentsMargins(0, 0, 0, 0);
    m_previewLabel = new QLabel(tr("Prompt p&review:"), previewBox);
    m_promptPreview = new QPlainTextEdit(previewBox);
    m_promptPreview->setObjectName(u"promptPreview"_s);
    m_promptPreview->setReadOnly(true);
    m_promptPreview->setTabChangesFocus(true);
    m_promptPreview->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_promptPreview->setToolTip(tr("The prompt as it is sent for the row selected under Input "
                                   "rows."));
    m_previewLabel->setBuddy(m_promptPreview);
    previewLayout->addWidget(m_previewLabel);
    previewLayout->addWidget(m_promptPreview, 1);

    m_splitter->addWidget(templateBox);
    m_splitter->addWidget(systemBox);
    m_splitter->addWidget(previewBox);
    m_splitter->setSizes({240, 100, 200});
    layout->addWidget(m_splitter, 1);

    m_lastEditor = m_templateEdit;
    // Disconnected in the destructor: focus moves while the widgets are torn down, after this
    // is no longer a PromptPanel but before QObject drops the connection.
    m_focusConnection = connect(qApp, &QApplication::focusChanged, this,
                                [this](QWidget *, QWidget *now) {
                                    if (now == m_templateEdit || now == m_systemEdit)
                                        m_lastEditor = static_cast<QPlainTextEdit *>(now);
                                });
    connect(m_templateEdit, &QPlainTextEdit::textChanged, this, &PromptPanel::templatesEdited);
    connect(m_systemEdit, &QPlainTextEdit::textChanged, this, &PromptPanel::templatesEdited);
}

PromptPanel::~PromptPanel()
{
    disconnect(m_focusConnection);
}

QString PromptPanel::promptText() const
{
    return m_templateEdit->toPlainText();
}

QString PromptPanel::systemText() const
{
    return m_systemEdit->toPlainText();
}

void PromptPanel::setTexts(const QString &prompt, const QString &system)
{
    const QSignalBlocker templateBlocker(m_templateEdit);
    const QSignalBlocker systemBlocker(m_systemEdit);
    m_templateEdit->setPlainText(prompt);
    m_systemEdit->setPlainText(system);
}

void PromptPanel::setColumns(const QStringList &columns)
{
    m_columnModel->setStringList(columns);
}

void PromptPanel::setLocked(bool locked)
{
    m_templateEdit->setReadOnly(locked);
    m_systemEdit->setReadOnly(locked);
    m_columnList->setEnabled(!locked);
    m_templateEdit->setToolTip(locked ? tr("This run has answers, so its prompt is fixed. Reload "
                                           "the data to run a different prompt.")
                                      : tr("The prompt sent for each row. {{column}} is replaced "
                                           "by the row's cell, {{_row}} by its number."));
}

void PromptPanel::insertColumn(const QModelIndex &index)
{
    if (!index.isValid() || !m_lastEditor || m_lastEditor->isReadOnly())
        return;
    m_lastEditor->insertPlainText(u"{{"_s + index.data().toString() + u"}}"_s);
    m_lastEditor->setFocus();
}

void PromptPanel::checkTemplates(bool haveData)
{
    const QStringList columns = m_columnModel->stringList();
    const QString promptText = m_templateEdit->toPlainText();
    m_promptTemplate.reset();
    m_systemTemplate.reset();
    QString problem;
    if (promptText.trimmed().isEmpty()) {
        if (columns.size() == 1)
            m_promptTemplate = PromptTemplate::column(0);
        else
            problem = tr("Write the prompt. Use {{column}} to put a cell in it; the columns "
                         "are: %1.")
                          .arg(columns.join(u", "_s));
    } else {
        auto parsed = PromptTemplate::parse(promptText, columns);
        if (parsed)
            m_promptTemplate = parsed.takeValue();
        else
            problem = parsed.error().message;
    }
    auto system = PromptTemplate::parse(m_systemEdit->toPlainText(), columns);
    if (system)
        m_systemTemplate = system.takeValue();
    else if (problem.isEmpty())
        problem = tr("System prompt: %1").arg(system.error().message);
    if (!haveData)
        problem.clear(); // nothing to check against yet
    m_problem = problem;
    m_templateError->setText(problem);
    m_templateError->setVisible(!problem.isEmpty());
}

void PromptPanel::showPreview(qint64 idx, const QStringList &cells)
{
    m_previewLabel->setText(cells.isEmpty() ? tr("Prompt p&review:")
                                            : tr("Prompt p&review for row %1:").arg(idx + 1));
    if (cells.isEmpty() || !m_promptTemplate || !m_problem.isEmpty()) {
        m_promptPreview->clear();
        return;
    }
    m_promptPreview->setPlainText(m_promptTemplate->render(cells, idx));
}

} // namespace Salvo
