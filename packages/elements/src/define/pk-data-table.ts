import { defineElement } from '../core/define.ts';
import { PkDataTable } from '../ui/pk-data-table.ts';

defineElement('pk-data-table', PkDataTable);
