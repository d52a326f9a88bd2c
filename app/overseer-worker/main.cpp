#include <QCoreApplication>
#include <QTextStream>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"overseer-worker"_qs);
    QTextStream(stderr) << "overseer-worker: the worker agent is not built yet\n";
    return 2;
}
