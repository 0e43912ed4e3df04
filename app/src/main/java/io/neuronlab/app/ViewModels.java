package io.neuronlab.app;

import androidx.lifecycle.ViewModel;
import androidx.lifecycle.ViewModelProvider;
import androidx.lifecycle.ViewModelStoreOwner;
import java.util.function.Supplier;

/**
 * ViewModels with explicit dependencies. The screen hands its ViewModel what it needs (a DAO, an executor)
 * instead of the ViewModel fetching a global Application -- the framework caches the first Application it
 * sees, which is wrong across Robolectric tests.
 */
public final class ViewModels {
    private ViewModels() {}

    /** The owner's ViewModel of this type, created by {@code create} the first time. */
    public static <T extends ViewModel> T get(ViewModelStoreOwner owner, Class<T> type, Supplier<T> create) {
        ViewModelProvider.Factory factory = new ViewModelProvider.Factory() {
            @Override
            public <V extends ViewModel> V create(Class<V> requested) {
                if (!requested.isAssignableFrom(type)) {
                    throw new IllegalArgumentException("this factory makes " + type.getName() + ", not " + requested.getName());
                }
                return requested.cast(create.get());
            }
        };
        return new ViewModelProvider(owner, factory).get(type);
    }
}
