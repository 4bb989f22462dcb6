package io.live2.server.progress;

class InProcessProgressBusTest extends ProgressBusContract {
    @Override
    ProgressBus create() {
        return new InProcessProgressBus();
    }
}
