// Every test gets a fresh, in-memory IndexedDB (fake-indexeddb), so database code runs for real.
import 'fake-indexeddb/auto'
