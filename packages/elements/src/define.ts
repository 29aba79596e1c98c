/** Registers every Intake element: `import '@intake/elements/define.js'`. */
import './intake-field/define.js';
import './intake-form/define.js';
