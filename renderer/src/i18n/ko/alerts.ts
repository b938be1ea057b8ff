import type { Catalog } from '../en';

/** 비정상 종료 알림: 데스크톱 알림과 컨테이너 목록의 표시. */
export const alerts: Catalog['alerts'] = {
  title: {
    exited: '{{name, josa(이/가)}} 예기치 않게 멈췄습니다',
    oomKilled: '{{name}}의 메모리가 부족했습니다',
    restartLoop: '{{name, josa(이/가)}} 계속 비정상 종료됩니다',
    unhealthy: '{{name, josa(이/가)}} 비정상 상태입니다',
  },
  body: {
    exited: '아무도 멈추지 않았는데 종료 코드 {{code, josa(으로/로)}} 끝났습니다. 열어서 마지막 로그를 확인하세요.',
    oomKilled: '허용된 것보다 많은 메모리를 써서 커널이 종료했습니다(종료 코드 {{code}}). 열어서 마지막 로그를 확인하세요.',
    restartLoop: '1분 안에 {{count}}번 종료되었고 재시작 정책이 계속 다시 시작하고 있습니다(마지막 종료 코드 {{code}}).',
    unhealthy: '헬스체크가 실패하고 있습니다. 열어서 최근 검사 결과와 로그를 확인하세요.',
    restarted: '종료 코드 {{code, josa(으로/로)}} 끝났고, 재시작 정책이 다시 시작했습니다.',
  },
  mark: '비정상 종료 알림: {{title}}',
  mute: '비정상 종료 알림 끄기',
  unmute: '비정상 종료 알림 켜기',
};
