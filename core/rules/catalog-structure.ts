// Structure rules raised while reading: the workbook's shape and its values.

import { RuleDef } from '../finding';

export const STRUCTURE_READ_RULES = {
  missingSheet: {
    code: 'missing-sheet',
    phase: 'structure',
    severity: 'error',
    trigger: { en: 'A plan sheet is not in the workbook.', es: 'Falta una hoja del plan en el libro.' },
    message: { en: 'The "{sheet}" sheet is missing.', es: 'Falta la hoja "{sheet}".' },
    fix: {
      en: 'Run Create plan (or `kap new` on the file): it adds only the missing sheets.',
      es: 'Ejecute Crear plan (o `kap new` sobre el archivo): solo agrega las hojas que faltan.',
    },
  },
  missingColumn: {
    code: 'missing-column',
    phase: 'structure',
    severity: 'error',
    trigger: { en: 'A contract column is not found in its sheet’s header row.', es: 'No se encuentra una columna del contrato en la fila de encabezados.' },
    message: { en: 'The "{sheet}" sheet has no "{column}" column.', es: 'La hoja "{sheet}" no tiene la columna "{column}".' },
    fix: {
      en: 'Add a column headed "{column}" anywhere in the header row, or run Create plan to add it.',
      es: 'Agregue una columna con el encabezado "{column}" en cualquier posición, o ejecute Crear plan.',
    },
  },
  missingField: {
    code: 'missing-field',
    phase: 'structure',
    severity: 'warning',
    trigger: { en: 'A field row of the Plan sheet is missing.', es: 'Falta una fila de campo en la hoja Plan.' },
    message: { en: 'The Plan sheet has no "{field}" row.', es: 'La hoja Plan no tiene la fila "{field}".' },
    fix: {
      en: 'Add a row with "{field}" in the field column and its value beside it.',
      es: 'Agregue una fila con "{field}" en la columna de campos y su valor al lado.',
    },
  },
  notInList: {
    code: 'not-in-list',
    phase: 'structure',
    severity: 'error',
    trigger: { en: 'A list column holds a value that is not one of its list’s values.', es: 'Una columna de lista tiene un valor que no está en su lista.' },
    message: { en: '{thing}: {column} "{value}" is not one of its values.', es: '{thing}: {column} "{value}" no es uno de sus valores.' },
    fix: { en: 'Choose one of: {allowed}.', es: 'Elija uno de: {allowed}.' },
  },
  notADate: {
    code: 'not-a-date',
    phase: 'structure',
    severity: 'error',
    trigger: { en: 'A date column holds something that is not a date.', es: 'Una columna de fecha tiene algo que no es una fecha.' },
    message: { en: '{thing}: {column} "{value}" is not a date.', es: '{thing}: {column} "{value}" no es una fecha.' },
    fix: { en: 'Write the date as 2026-12-31 or 31/12/2026.', es: 'Escriba la fecha como 2026-12-31 o 31/12/2026.' },
  },
  notANumber: {
    code: 'not-a-number',
    phase: 'structure',
    severity: 'error',
    trigger: { en: 'A number or money column holds something that is not a number.', es: 'Una columna numérica o de dinero tiene algo que no es un número.' },
    message: { en: '{thing}: {column} "{value}" is not a number.', es: '{thing}: {column} "{value}" no es un número.' },
    fix: { en: 'Write a plain number, such as 1,200.50.', es: 'Escriba un número, por ejemplo 1.200,50.' },
  },
  notAPercent: {
    code: 'not-a-percent',
    phase: 'structure',
    severity: 'error',
    trigger: { en: 'A probability is not a percentage between 0% and 100%.', es: 'Una probabilidad no es un porcentaje entre 0% y 100%.' },
    message: { en: '{thing}: {column} "{value}" is not a percentage between 0% and 100%.', es: '{thing}: {column} "{value}" no es un porcentaje entre 0% y 100%.' },
    fix: { en: 'Write it as 45% or 0.45.', es: 'Escríbala como 45% o 0,45.' },
  },
  negativeNumber: {
    code: 'negative-number',
    phase: 'structure',
    severity: 'error',
    trigger: { en: 'Hours, money or a target is negative.', es: 'Horas, dinero o una meta son negativos.' },
    message: { en: '{thing}: {column} is negative ({value}).', es: '{thing}: {column} es negativo ({value}).' },
    fix: { en: 'Write zero or a positive amount.', es: 'Escriba cero o un valor positivo.' },
  },
  errorValue: {
    code: 'error-value',
    phase: 'structure',
    severity: 'error',
    trigger: { en: 'A plan cell holds a spreadsheet error such as #REF!.', es: 'Una celda del plan tiene un error como #REF!.' },
    message: { en: '{thing}: {column} holds the error {value}.', es: '{thing}: {column} contiene el error {value}.' },
    fix: {
      en: 'Replace the formula or value in that cell with a plain value.',
      es: 'Reemplace la fórmula o el valor de esa celda por un valor simple.',
    },
  },
  textTooLong: {
    code: 'text-too-long',
    phase: 'structure',
    severity: 'error',
    trigger: { en: 'A cell holds more than 32,767 characters, more than a spreadsheet cell can.', es: 'Una celda tiene más de 32.767 caracteres, más de lo que admite una celda.' },
    message: { en: '{thing}: {column} holds {value} characters, more than a cell can hold.', es: '{thing}: {column} tiene {value} caracteres, más de los que admite una celda.' },
    fix: { en: 'Shorten it and keep the long text in a linked document.', es: 'Acórtelo y deje el texto largo en un documento enlazado.' },
  },
  mergedCells: {
    code: 'merged-cells',
    phase: 'structure',
    severity: 'error',
    trigger: { en: 'Cells of a plan table are merged, which hides values from every reader.', es: 'Hay celdas combinadas en una tabla del plan, lo que oculta valores.' },
    message: { en: 'Cells {value} on the "{sheet}" sheet are merged.', es: 'Las celdas {value} de la hoja "{sheet}" están combinadas.' },
    fix: { en: 'Unmerge them and put each value in its own cell.', es: 'Sepárelas y ponga cada valor en su propia celda.' },
  },
  missingId: {
    code: 'missing-id',
    phase: 'structure',
    severity: 'error',
    trigger: { en: 'A filled row has no ID, so nothing can refer to it.', es: 'Una fila con datos no tiene ID, así que nada puede referirse a ella.' },
    message: { en: '{thing} has no ID.', es: '{thing} no tiene ID.' },
    fix: { en: 'Give it a unique ID, such as {suggested}.', es: 'Asígnele un ID único, por ejemplo {suggested}.' },
  },
} satisfies Record<string, RuleDef>;
