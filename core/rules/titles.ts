// A short title per rule code, in plain words: what the Review sheet, kap's
// report and docs/rules.md show beside the code, so a reader never has to look
// a code up. One table for every rule; test/core/rules/titles.test.ts fails
// when a rule of the catalogue has no title here.

import { Label, Language } from '../contract';

export const RULE_TITLES: Readonly<Record<string, Label>> = {
  // Structure: the workbook's shape and its values.
  'missing-sheet': { en: 'Plan sheet missing', es: 'Falta una hoja del plan' },
  'missing-column': { en: 'Column missing', es: 'Falta una columna' },
  'missing-field': { en: 'Plan field missing', es: 'Falta un campo del Plan' },
  'not-in-list': { en: 'Value not in its list', es: 'Valor fuera de la lista' },
  'not-a-date': { en: 'Not a date', es: 'No es una fecha' },
  'not-a-number': { en: 'Not a number', es: 'No es un número' },
  'not-a-percent': { en: 'Not a percentage', es: 'No es un porcentaje' },
  'negative-number': { en: 'Negative amount', es: 'Valor negativo' },
  'error-value': { en: 'Spreadsheet error in a cell', es: 'Error de hoja de cálculo en una celda' },
  'text-too-long': { en: 'Text too long for a cell', es: 'Texto demasiado largo para una celda' },
  'merged-cells': { en: 'Merged cells', es: 'Celdas combinadas' },
  'missing-id': { en: 'Row without an ID', es: 'Fila sin ID' },
  'duplicate-id': { en: 'ID used twice', es: 'ID repetido' },
  'unknown-reference': { en: 'Reference to an ID that does not exist', es: 'Referencia a un ID que no existe' },
  'plan-no-account': { en: 'No account name', es: 'Sin nombre de cuenta' },
  'plan-no-period': { en: 'No planning period', es: 'Sin periodo de planeación' },
  'period-end-before-start': { en: 'Period ends before it starts', es: 'El periodo termina antes de empezar' },
  'capacity-row-incomplete': { en: 'Capacity row incomplete', es: 'Fila de capacidad incompleta' },
  'capacity-end-before-start': { en: 'Capacity span ends before it starts', es: 'El periodo de capacidad termina antes de empezar' },
  // Knowledge.
  'no-knowledge': { en: 'Nothing known about the client yet', es: 'Aún no se sabe nada del cliente' },
  'no-business-problem': { en: 'No business problem recorded', es: 'Sin problemas de negocio registrados' },
  'few-industry-variables': { en: 'Fewer than three industry variables', es: 'Menos de tres variables de la industria' },
  'no-competitive-advantage': { en: 'No competitive advantage recorded', es: 'Sin ventajas competitivas registradas' },
  'no-industry-position': { en: 'No industry position or competitor recorded', es: 'Sin posición en la industria ni competidores' },
  'finding-no-source': { en: 'Knowledge without a source', es: 'Hallazgo sin fuente' },
  'high-impact-unconfirmed': { en: 'High-impact knowledge not confirmed with the client', es: 'Hallazgo de impacto alto sin confirmar con el cliente' },
  'stale-knowledge': { en: 'Knowledge not verified for a long time', es: 'Hallazgo sin verificar hace mucho' },
  'no-learning-plan': { en: 'No learning plan', es: 'Sin plan de aprendizaje' },
  'learning-overdue': { en: 'Learning activity overdue', es: 'Actividad de aprendizaje vencida' },
  'learning-no-owner': { en: 'Learning activity without an owner', es: 'Actividad de aprendizaje sin responsable' },
  'no-decision-maker': { en: 'No decision maker mapped', es: 'Sin decisor identificado' },
  'single-threaded': { en: 'Fewer than three stakeholders', es: 'Menos de tres actores' },
  'no-stakeholders': { en: 'No stakeholders mapped', es: 'Sin actores identificados' },
  'no-supporter-at-top': { en: 'No supporter among the decision makers', es: 'Ningún partidario entre quienes deciden' },
  'only-supporters': { en: 'Only supporters on the map', es: 'Solo partidarios en el mapa' },
  'cold-contact': { en: 'Key contact not met for a long time', es: 'Contacto clave sin reunión hace mucho' },
  'stakeholder-no-role': { en: 'Stakeholder without a role', es: 'Actor sin rol' },
  // Vision.
  'no-opportunity': { en: 'No opportunity yet', es: 'Aún no hay oportunidades' },
  'opportunity-ungrounded': { en: 'Opportunity not grounded in what we know', es: 'Oportunidad sin base en lo que sabemos' },
  'no-solution': { en: 'Opportunity without our solution', es: 'Oportunidad sin nuestra solución' },
  'no-client-benefit': { en: 'Client benefit not written', es: 'Beneficio para el cliente sin escribir' },
  'no-client-value': { en: 'Client value not quantified', es: 'Valor para el cliente sin cuantificar' },
  'still-hypothesis': { en: 'Opportunity still a hypothesis', es: 'Oportunidad aún en hipótesis' },
  'validated-with-nobody': { en: 'Validated, but not said with whom', es: 'Validada, sin decir con quién' },
  'nothing-validated-with-client': { en: 'Nothing validated with the client', es: 'Nada validado con el cliente' },
  'problem-unaddressed': { en: 'High-impact problem with no opportunity', es: 'Problema de impacto alto sin oportunidad' },
  'pipeline-below-target': { en: 'Weighted pipeline below the revenue target', es: 'Pipeline ponderado bajo la meta de ingresos' },
  'no-revenue-target': { en: 'No revenue target', es: 'Sin meta de ingresos' },
  'pipeline-unknown': { en: 'Pipeline cannot be compared with the target', es: 'El pipeline no se puede comparar con la meta' },
  // Commitment.
  'no-commitment': { en: 'No commitment yet', es: 'Aún no hay compromisos' },
  'internal-only-plan': { en: 'Nothing committed by the client', es: 'Nada comprometido por el cliente' },
  'no-client-sign-off': { en: 'Plan not signed off by the client', es: 'Plan sin aprobación del cliente' },
  'commitment-no-owner': { en: 'Commitment without an owner', es: 'Compromiso sin responsable' },
  'commitment-no-vision': { en: 'Commitment serves no opportunity', es: 'Compromiso sin oportunidad que respaldar' },
  'commitment-not-approved': { en: 'Commitment not approved internally', es: 'Compromiso sin aprobación interna' },
  'client-commitment-needs-approval': { en: 'Client’s commitment marked as needing approval', es: 'Compromiso del cliente marcado con aprobación' },
  'commitment-not-agreed': { en: 'Commitment not agreed with the client', es: 'Compromiso sin acuerdo del cliente' },
  'over-capacity': { en: 'Team over its hours', es: 'Equipo por encima de sus horas' },
  'over-budget': { en: 'Team over its budget', es: 'Equipo por encima de su presupuesto' },
  'team-no-capacity': { en: 'Team with no capacity row', es: 'Equipo sin fila de capacidad' },
  'outside-capacity-span': { en: 'Due date outside its team’s capacity', es: 'Fecha fuera de la capacidad de su equipo' },
  'capacity-unreadable': { en: 'Capacity cannot be judged', es: 'La capacidad no se puede juzgar' },
  'commitment-no-team': { en: 'Commitment without a team', es: 'Compromiso sin equipo' },
  'commitment-no-due-date': { en: 'Commitment without a due date', es: 'Compromiso sin fecha límite' },
  'due-outside-period': { en: 'Due outside the planning period', es: 'Vence fuera del periodo de planeación' },
  'commitment-overdue': { en: 'Commitment overdue', es: 'Compromiso vencido' },
  'counterpart-not-mapped': { en: 'Client counterpart not on the map', es: 'Contraparte del cliente fuera del mapa' },
  'counterpart-opponent': { en: 'Client counterpart opposes us', es: 'La contraparte del cliente se opone' },
  'commitment-no-counterpart': { en: 'No client counterpart named', es: 'Sin contraparte del cliente' },
  'approval-stale': { en: 'Approved on terms that have changed', es: 'Aprobado con términos que cambiaron' },
  'approval-terms-unreadable': { en: 'Approved terms cannot be read', es: 'Términos aprobados ilegibles' },
  'approval-without-terms': { en: 'Approval without recorded terms', es: 'Aprobación sin términos registrados' },
};

/** A rule's title in `lang`; a code with no title (never in the catalogue) shows as itself. */
export function ruleTitle(code: string, lang: Language): string {
  return RULE_TITLES[code]?.[lang] ?? code;
}
