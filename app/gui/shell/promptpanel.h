// PromptPanel: the Prompt tab: the prompt and system templates with their checks, the columns
// to insert, and the prompt as sent for one row. GUI thread.
#pragma once

#include "core/engine/prompttemplate.h"

#include <QWidget>

#include <optional>

class QLabel;
class QListView;
class QModelIndex;
class QPlainTextEdit;
class QSplitter;
class QStringListModel;

namespace Salvo {

class PromptPanel final : public QWidget
{
    Q_OBJECT

public:
    explicit PromptPanel(QWidget *parent = nullptr);
    ~PromptPanel() override;

    QString promptText() const;
    QString systemText() const;
    // Shows saved templates without emitting templatesEdited().
    void setTexts(const QString &prompt, const QString &system);
    void setColumns(const QStringList &columns);
    // A run with answers keeps its prompt: the editors become read-only.
    void setLocked(bool locked);
    QSplitter *splitter() const { return m_splitter; }

    // Parses both templates against the columns; with no data yet, nothing counts as a problem.
    void checkTemplates(bool haveData);
    const std::optional<PromptTemplate> &promptTemplate() const { return m_promptTemplate; }
    const std::optional<PromptTemplate> &systemTemplate() const { return m_systemTemplate; }
    // Why the templates cannot be sent, or empty.
    QString problem() const { return m_problem; }
    // The prompt item `idx` would be sent with (`cells` empty: no item).
    void showPreview(qint64 idx, const QStringList &cells);

signals:
    void templatesEdited();

private:
    void insertColumn(const QModelIndex &index);

    QStringListModel *m_columnModel = nullptr;
    QListView *m_columnList = nullptr;
    QSplitter *m_splitter = nullptr;
    QPlainTextEdit *m_templateEdit = nullptr;
    QPlainTextEdit *m_systemEdit = nullptr;
    QPlainTextEdit *m_lastEditor = nullptr;
    QLabel *m_templateError = nullptr;
    QLabel *m_previewLabel = nullptr;
    QPlainTextEdit *m_promptPreview = nullptr;
    QMetaObject::Connection m_focusConnection;

    std::optional<PromptTemplate> m_promptTemplate;
    std::optional<PromptTemplate> m_systemTemplate;
    QString m_problem;
};

} // namespace Salvo
