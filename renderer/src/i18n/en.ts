import { alerts } from './en/alerts';
import { app } from './en/app';
import { nav } from './en/nav';
import { status } from './en/status';
import { banner } from './en/banner';
import { door } from './en/door';
import { common } from './en/common';
import { containers } from './en/containers';
import { rename } from './en/rename';
import { remove } from './en/remove';
import { merged } from './en/merged';
import { projectList } from './en/projectList';
import { detail } from './en/detail';
import { logs } from './en/logs';
import { follow } from './en/follow';
import { terminal } from './en/terminal';
import { stats } from './en/stats';
import { inspect } from './en/inspect';
import { images } from './en/images';
import { pull } from './en/pull';
import { build } from './en/build';
import { imageDetail } from './en/imageDetail';
import { registry } from './en/registry';
import { prune } from './en/prune';
import { problems } from './en/problems';
import { run } from './en/run';
import { edit } from './en/edit';
import { volumes } from './en/volumes';
import { backup } from './en/backup';
import { transfer } from './en/transfer';
import { files } from './en/files';
import { networks } from './en/networks';
import { engine } from './en/engine';
import { engines } from './en/engines';
import { berthLog } from './en/berthLog';
import { notify } from './en/notify';
import { errors } from './en/errors';
import { time } from './en/time';
import { compose } from './en/compose';
import { swarm } from './en/swarm';
import { foreignLabels } from './en/foreignLabels';
import { lists } from './en/lists';
import { appearance } from './en/appearance';
import { keyboard } from './en/keyboard';
import { commandLog } from './en/commandLog';
import { welcome, concepts } from './en/welcome';
import { ssh } from './en/ssh';
import { sshKey } from './en/sshKey';
import { moves } from './en/moves';
import { terminalLinks } from './en/terminalLinks';

/**
 * English catalog, assembled from one file per screen or feature (./en/*.ts) so a change touches only
 * its own part. The Korean catalog (./ko.ts) has the same shape; its parts are typed by this one.
 */
export const en = { alerts, app, nav, status, banner, door, common, containers, rename, remove, merged, detail, logs, follow, terminal, stats, inspect, images, pull, build, imageDetail, registry, prune, problems, run, volumes, backup, transfer, files, networks, engine, notify, errors, time, compose, engines, projectList, edit, appearance, keyboard, commandLog, welcome, concepts, ssh, sshKey, moves, berthLog, swarm, foreignLabels, lists, terminalLinks } as const;

type Widen<T> = T extends string ? string : { [K in keyof T]: Widen<T[K]> };
export type Catalog = Widen<typeof en>;
