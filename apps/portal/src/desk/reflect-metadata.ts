// The Reflect metadata polyfill, as an ES module of its own. The shared DTOs' class-transformer decorators
// read metadata while their module runs, so this must run first. Imported directly, the package (CommonJS)
// would run where the importing module's own body starts: after its ES imports, the DTOs among them.
import 'reflect-metadata';
