// ThreadStopper: the deleter for std::unique_ptr<QThread>: stop the event loop, wait, delete.
#pragma once

#include <QThread>

#include <memory>

namespace Salvo {

struct ThreadStopper
{
    void operator()(QThread *thread) const
    {
        thread->quit();
        thread->wait();
        delete thread;
    }
};

using ThreadPtr = std::unique_ptr<QThread, ThreadStopper>;

} // namespace Salvo
